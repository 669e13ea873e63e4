// The non-resource URLs a principal's matrix asks about: the paths people check first (health, version, metrics,
// discovery) and every URL a rule that could apply to the identity names. Kubernetes grants non-resource URLs only
// through ClusterRoles bound by ClusterRoleBindings (a Role cannot hold them, and a RoleBinding is namespaced while a
// URL is not), and EKS only through access policies associated at cluster scope
// (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#role-and-clusterrole).
import { accessPolicyRules } from '@/lib/access/policy-catalogue'
import type { PolicyRule } from '@/lib/access/policy-rule'

import type { AuthorizedIdentity, PolicyRulesLookup } from './evaluate'
import { listAppliedBindings, type RbacIndex } from './rbac-index'

/** The HTTP verbs of a non-resource request, as kube-apiserver names them (lower-case method). */
export const NON_RESOURCE_VERBS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Always asked, allowed or not: the URLs a platform team checks first. */
export const COMMON_NON_RESOURCE_URLS = ['/api', '/apis', '/healthz', '/livez', '/readyz', '/version', '/metrics']

/**
 * The common URLs and every URL named by the identity's cluster-scoped access policies and the ClusterRoles its
 * ClusterRoleBindings point at, sorted. A URL ending in `*` stays as written: asked as a request, it is allowed only
 * by rules covering the whole prefix (`/api/*` by `/api/*`, `/*` or `*`; not by `/api/v1`).
 */
export function listNonResourceURLs(
  index: RbacIndex,
  identity: AuthorizedIdentity,
  policyRules: PolicyRulesLookup = accessPolicyRules,
): string[] {
  const urls = new Set(COMMON_NON_RESOURCE_URLS)
  const collect = (rules: readonly PolicyRule[] | undefined) => {
    for (const rule of rules ?? []) for (const url of rule.nonResourceURLs ?? []) urls.add(url)
  }
  for (const grant of identity.accessPolicies)
    if (grant.accessScope.type === 'cluster') collect(policyRules(grant.policyArn))
  // No namespace: ClusterRoleBindings only.
  for (const applied of listAppliedBindings(index, identity)) collect(applied.role?.rules)
  return [...urls].sort()
}
