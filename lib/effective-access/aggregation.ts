// ClusterRole aggregation (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#aggregated-clusterroles): the
// clusterrole-aggregation controller rewrites an aggregated ClusterRole's `rules` as the union of the rules of every
// OTHER ClusterRole one of its selectors matches (pkg/controller/clusterroleaggregation). The authorizer only ever reads
// the stored `rules`, so decisions use those; this module explains where each stored rule came from, and computes what
// the controller would write (a stale aggregate is something to show, not to silently correct).
import type { PolicyRule } from '@/lib/access/policy-rule'

import { matchesLabelSelector } from './label-selector'
import type { RbacRole } from './rbac-model'

const ruleKey = (rule: PolicyRule) =>
  JSON.stringify([rule.verbs, rule.apiGroups, rule.resources, rule.resourceNames, rule.nonResourceURLs])

/** The ClusterRoles one aggregated ClusterRole selects, sorted by name as the controller does; never itself. */
export function listSelectedClusterRoles(role: RbacRole, clusterRoles: readonly RbacRole[]): RbacRole[] {
  const selectors = role.aggregationSelectors ?? []
  return clusterRoles
    .filter((other) => other.name !== role.name && selectors.some((s) => matchesLabelSelector(s, other.labels)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/**
 * The rules the controller would store on each aggregated ClusterRole, iterated until nothing changes (aggregates
 * select aggregates: admin selects edit, edit selects view). Non-aggregated roles keep their rules.
 */
export function computeAggregatedRules(clusterRoles: readonly RbacRole[]): Map<string, PolicyRule[]> {
  const rules = new Map(clusterRoles.map((r) => [r.name, r.rules]))
  const aggregated = clusterRoles.filter((r) => r.aggregationSelectors)
  for (let pass = 0; pass < 16; pass++) {
    let changed = false
    for (const role of aggregated) {
      const union: PolicyRule[] = []
      const seen = new Set<string>()
      for (const source of listSelectedClusterRoles(role, clusterRoles)) {
        for (const rule of rules.get(source.name) ?? []) {
          const key = ruleKey(rule)
          if (seen.has(key)) continue
          seen.add(key)
          union.push(rule)
        }
      }
      const before = rules.get(role.name) ?? []
      if (before.length !== union.length || before.some((r, i) => ruleKey(r) !== ruleKey(union[i] as PolicyRule))) {
        rules.set(role.name, union)
        changed = true
      }
    }
    if (!changed) break
  }
  return rules
}

/**
 * Names the non-aggregated ClusterRole a stored rule of an aggregated ClusterRole came from (following nested
 * aggregates: admin's rule from `edit` is traced on to `system:aggregate-to-edit`), or undefined when no selected
 * role holds that rule (the stored rules are stale, or were written by hand).
 */
export function findAggregationSource(
  role: RbacRole,
  rule: PolicyRule,
  byName: ReadonlyMap<string, RbacRole>,
  depth = 0,
): string | undefined {
  if (!role.aggregationSelectors || depth > 8) return undefined
  const key = ruleKey(rule)
  for (const source of listSelectedClusterRoles(role, [...byName.values()])) {
    if (!source.rules.some((r) => ruleKey(r) === key)) continue
    return findAggregationSource(source, rule, byName, depth + 1) ?? source.name
  }
  return undefined
}
