// The RBAC side of findings: every binding, the role it points at (or not), and its subjects. Bindings to the same
// role in the same kind of scope are decided once (10,000 bindings mostly name view, edit and admin).
import type { PolicyRule } from '@/lib/access/policy-rule'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { buildRbacPath } from '@/lib/effective-access/grant-path'
import type { RbacIndex } from '@/lib/effective-access/rbac-index'
import { formatBindingName, formatSubject, type RbacBinding, type RbacRole } from '@/lib/effective-access/rbac-model'

import { isAnonymousSubject, isDefaultAnonymousRole, isExcludedSubject } from './exclusions'
import type { FindingCollector } from './finding-collector'
import { bindingFix, subjectFix } from './fix-links'
import { checkGrant, type GrantScope, type PermissionHit } from './permission-checks'
import { permissionPhrases } from './permission-phrases'

const scopeOf = (b: RbacBinding): GrantScope =>
  b.kind === 'ClusterRoleBinding'
    ? { type: 'cluster', namespaces: [] }
    : { type: 'namespace', namespaces: [b.namespace ?? ''] }

// The probes only distinguish cluster-wide, kube-system and any other namespace.
const scopeClass = (b: RbacBinding) =>
  b.kind === 'ClusterRoleBinding' ? 'cluster' : b.namespace === 'kube-system' ? 'kube-system' : 'namespace'

const pathOf = (index: RbacIndex, binding: RbacBinding, role: RbacRole, ruleIndex: number, subjectIndex = 0) => {
  const subject = binding.subjects[subjectIndex] ?? { kind: 'User', name: '' }
  const from = role.aggregationSelectors ? index.aggregationSource(role, ruleIndex) : undefined
  return {
    steps: buildRbacPath(subject, binding, role, ruleIndex, from).text.split(' → '),
    rule: (role.rules[ruleIndex] as PolicyRule | undefined) ?? null,
  }
}

/** Reports every RBAC finding of one cluster into the collector. */
export function collectRbacFindings(cluster: ClusterRef, index: RbacIndex, out: FindingCollector): void {
  const decided = new Map<RbacRole, Map<string, PermissionHit[]>>()
  const hitsFor = (role: RbacRole, binding: RbacBinding) => {
    const byScope = decided.get(role) ?? new Map<string, PermissionHit[]>()
    decided.set(role, byScope)
    const key = scopeClass(binding)
    let hits = byScope.get(key)
    if (!hits) {
      hits = checkGrant(role.rules, scopeOf(binding))
      byScope.set(key, hits)
    }
    return hits
  }
  const bindings = [...index.objects.clusterRoleBindings, ...index.objects.roleBindings]
  for (const binding of bindings) {
    const role = index.roleOf(binding)
    const subjects = binding.subjects
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => !isExcludedSubject(s, binding.namespace))
    if (subjects.length === 0) continue
    const bindingName = `${binding.kind} ${formatBindingName(binding)}`
    if (!role) {
      out.add({
        ruleId: 'subjects-with-non-existing-roles',
        subjectKey: `binding|${bindingName}`,
        subject: bindingName,
        message: () =>
          `${bindingName} points at ${binding.roleRef.kind} ${binding.roleRef.name}, which does not exist: it grants nothing today, and whoever creates that role grants it to ${subjects.map(({ s }) => formatSubject(s, binding.namespace)).join(', ')}.`,
        namespace: binding.namespace,
        path: {
          steps: [
            ...subjects.map(({ s }) => formatSubject(s, binding.namespace)),
            bindingName,
            `${binding.roleRef.kind} ${binding.roleRef.name} (missing)`,
          ],
          rule: null,
        },
        fix: bindingFix(cluster, binding),
      })
      continue
    }
    const hits = hitsFor(role, binding)
    for (const { s, i } of subjects) {
      const who = formatSubject(s, binding.namespace)
      const subject = s.kind === 'ServiceAccount' ? { ...s, namespace: s.namespace || binding.namespace } : s
      if (isAnonymousSubject(s)) {
        if (isDefaultAnonymousRole(role.name) || role.rules.length === 0) continue
        out.add({
          ruleId: 'unauthenticated-subject-access',
          subjectKey: `binding|${bindingName}|${who}`,
          subject: who,
          message: (where) =>
            `${bindingName} lets anyone who reaches the API server, without credentials, use ${role.kind} ${role.name} ${where}.`,
          namespace: binding.namespace,
          path: pathOf(index, binding, role, 0, i),
          fix: bindingFix(cluster, binding),
        })
        continue
      }
      for (const hit of hits) {
        out.add({
          ruleId: hit.ruleId,
          severity: hit.severity,
          subjectKey: `subject|${who}`,
          subject: who,
          message: (where) => `${who} ${permissionPhrases[hit.ruleId] ?? 'holds this permission'} ${where}.`,
          namespace: binding.namespace,
          path: () => pathOf(index, binding, role, hit.ruleIndex, i),
          fix: bindingFix(cluster, binding),
          fixForMany: subjectFix(cluster, subject),
          // Where the grant applies: the probe's own namespace (kube-system), the RoleBinding's, or cluster-wide.
          verify: () => ({
            subject,
            request: { ...hit.probe, namespace: hit.probe.namespace ?? binding.namespace },
            path: pathOf(index, binding, role, hit.ruleIndex, i).steps.join(' → '),
          }),
        })
      }
    }
  }
}
