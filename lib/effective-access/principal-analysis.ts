// "What can X do?": the identity an IAM principal gets in one cluster, every access policy and binding it holds
// (with rules, for what the matrix does not ask about), and the permission matrix over the namespaces asked.
import { findAccessPolicy } from '@/lib/access/policy-catalogue'
import type { PolicyRule } from '@/lib/access/policy-rule'

import { isUnverifiedPolicy } from './grant-path'
import type { ResolvedIdentity } from './identity'
import { buildPermissionMatrix, type PermissionMatrix } from './matrix'
import { listSubjectKeys, type RbacIndex } from './rbac-index'
import { formatBindingName, formatSubject } from './rbac-model'

/** One access policy the principal's entry holds. `rules` null: the catalogue has no rules for it (grants nothing known). */
export type PolicyHolding = {
  policyArn: string
  policyName: string
  accessScope: { type: 'cluster' | 'namespace'; namespaces: string[] }
  rules: PolicyRule[] | null
  unverified: boolean
}

/** One binding that names the principal's username, a group or its service account. */
export type BindingHolding = {
  binding: string
  bindingKind: 'RoleBinding' | 'ClusterRoleBinding'
  namespace: string | null
  subject: string
  role: { kind: string; name: string }
  /** False: the role does not exist, so the binding grants nothing. */
  roleExists: boolean
  rules: PolicyRule[]
  aggregated: boolean
}

export type PrincipalAnalysis = {
  identity: ResolvedIdentity
  policies: PolicyHolding[]
  bindings: BindingHolding[]
  /** Groups (besides system:authenticated) that no binding names. */
  unboundGroups: string[]
  matrix: PermissionMatrix | null
}

/** Lists what an identity holds and builds its matrix over `namespaces` (plus the cluster-wide row). */
export function analyzePrincipalAccess(
  index: RbacIndex,
  identity: ResolvedIdentity,
  namespaces: readonly string[],
): PrincipalAnalysis {
  if (!identity.via || identity.username === null)
    return { identity, policies: [], bindings: [], unboundGroups: [], matrix: null }
  const kube = { ...identity, username: identity.username }
  const policies = identity.accessPolicies.map((p) => {
    const info = findAccessPolicy(p.policyArn)
    return {
      policyArn: p.policyArn,
      policyName: info?.name ?? p.policyArn,
      accessScope: p.accessScope,
      rules: info?.rules ?? null,
      unverified: isUnverifiedPolicy(p.policyArn),
    }
  })
  const bindings: BindingHolding[] = []
  for (const key of listSubjectKeys(index, kube)) {
    const applied = [...index.clusterBindingsFor(key), ...[...index.roleBindingsFor(key).values()].flat()]
    for (const { binding, subject, role } of applied) {
      bindings.push({
        binding: formatBindingName(binding),
        bindingKind: binding.kind,
        namespace: binding.namespace ?? null,
        subject: formatSubject(subject, binding.namespace),
        role: { kind: binding.roleRef.kind, name: binding.roleRef.name },
        roleExists: role !== undefined,
        rules: role?.rules ?? [],
        aggregated: role?.aggregationSelectors !== undefined,
      })
    }
  }
  const unboundGroups = identity.groups.filter((g) => g !== 'system:authenticated' && !index.groupNames.has(g))
  return { identity, policies, bindings, unboundGroups, matrix: buildPermissionMatrix(index, kube, namespaces) }
}
