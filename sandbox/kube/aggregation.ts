// ClusterRole aggregation: the clusterrole-aggregation controller overwrites an aggregated ClusterRole's `rules` with
// the union of the rules of every ClusterRole its `aggregationRule.clusterRoleSelectors` select (admin ⊇ edit ⊇ view).
import type { ClusterStore } from './cluster-store'
import { convertLabelSelectorObject, matchesLabelSelector, type LabelSelectorObject } from './label-selector'
import { buildStorageKey } from './resources'
import type { KubeObject, PolicyRule } from './types'

interface AggregatableRole extends KubeObject {
  rules?: PolicyRule[] | null
  aggregationRule?: { clusterRoleSelectors?: LabelSelectorObject[] }
}

/** Computes the rules every aggregated role should hold; iterates to a fixpoint because aggregates nest. */
export function computeAggregatedRules(roles: readonly AggregatableRole[]): Map<string, PolicyRule[]> {
  const rules = new Map<string, PolicyRule[]>(roles.map((r) => [r.metadata.name, r.rules ?? []]))
  for (let pass = 0; pass < 8; pass++) {
    let changed = false
    for (const role of roles) {
      const selectors = role.aggregationRule?.clusterRoleSelectors
      if (!selectors) continue
      const union: PolicyRule[] = []
      const seen = new Set<string>()
      for (const other of roles) {
        if (other.metadata.name === role.metadata.name) continue
        if (!selectors.some((s) => matchesLabelSelector(convertLabelSelectorObject(s), other.metadata.labels))) continue
        for (const rule of rules.get(other.metadata.name) ?? []) {
          const key = JSON.stringify(rule)
          if (!seen.has(key)) {
            seen.add(key)
            union.push(rule)
          }
        }
      }
      if (JSON.stringify(union) !== JSON.stringify(rules.get(role.metadata.name))) {
        rules.set(role.metadata.name, union)
        changed = true
      }
    }
    if (!changed) break
  }
  return rules
}

/** Rewrites the aggregated ClusterRoles of a cluster store whose rules are out of date (after a ClusterRole write). */
export function reconcileAggregatedClusterRoles(store: ClusterStore): void {
  const key = buildStorageKey('rbac.authorization.k8s.io', 'clusterroles')
  const roles = store.collection(key).all() as AggregatableRole[]
  const computed = computeAggregatedRules(roles)
  for (const role of roles) {
    if (!role.aggregationRule) continue
    const rules = computed.get(role.metadata.name) ?? []
    if (JSON.stringify(rules) === JSON.stringify(role.rules ?? [])) continue
    store.update(
      key,
      { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
      { ...role, rules, metadata: { ...role.metadata, resourceVersion: '' } },
    )
  }
}
