import type { AccessEntryDto } from '@/lib/access/access-entry-dto'
import { namespaceMatchesScope } from '@/lib/access/rules'

/** The access page's filters; empty strings mean "any". */
export type EntryFilters = { q: string; type: string; policy: string; namespace: string }

export const emptyFilters: EntryFilters = { q: '', type: '', policy: '', namespace: '' }

/**
 * Filters entries: `q` matches principal ARN, username or group; `policy` a policy name; `namespace` keeps entries with
 * a policy that reaches that namespace (cluster scope or a matching pattern, wildcards included).
 */
export function filterEntries(entries: readonly AccessEntryDto[], filters: EntryFilters): AccessEntryDto[] {
  const q = filters.q.trim().toLowerCase()
  const ns = filters.namespace.trim()
  return entries.filter((entry) => {
    if (filters.type && entry.type !== filters.type) return false
    if (filters.policy && !entry.policies.some((p) => p.policyName === filters.policy)) return false
    if (ns && !entry.policies.some((p) => namespaceMatchesScope(ns, p.accessScope))) return false
    if (!q) return true
    return (
      entry.principalArn.toLowerCase().includes(q) ||
      (entry.username ?? '').toLowerCase().includes(q) ||
      entry.kubernetesGroups.some((g) => g.toLowerCase().includes(q))
    )
  })
}

/** The distinct types and policy names present, for the filter selects. */
export function listFilterOptions(entries: readonly AccessEntryDto[]): { types: string[]; policies: string[] } {
  const types = new Set<string>()
  const policies = new Set<string>()
  for (const entry of entries) {
    types.add(entry.type)
    for (const p of entry.policies) policies.add(p.policyName)
  }
  return { types: [...types].sort(), policies: [...policies].sort() }
}
