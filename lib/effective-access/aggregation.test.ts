import { describe, expect, it } from 'vitest'

import { computeAggregatedRules, findAggregationSource } from './aggregation'
import type { RbacRole } from './rbac-model'

const rule = (resource: string, verb = 'get') => ({ apiGroups: [''], resources: [resource], verbs: [verb] })
const role = (
  name: string,
  rules: RbacRole['rules'],
  labels: Record<string, string> = {},
  selects?: string,
): RbacRole => ({
  kind: 'ClusterRole',
  name,
  labels,
  rules,
  ...(selects ? { aggregationSelectors: [{ matchLabels: { [selects]: 'true' } }] } : {}),
})

// The shape of the bootstrap roles: admin ⊇ edit ⊇ view, each aggregated from its system:aggregate-to-* part.
const roles = [
  role('admin', [], {}, 'to-admin'),
  role('edit', [], { 'to-admin': 'true' }, 'to-edit'),
  role('view', [], { 'to-edit': 'true' }, 'to-view'),
  role('aggregate-to-admin', [rule('roles', 'create')], { 'to-admin': 'true' }),
  role('aggregate-to-edit', [rule('pods', 'delete')], { 'to-edit': 'true' }),
  role('aggregate-to-view', [rule('pods')], { 'to-view': 'true' }),
  role('crd-viewer', [rule('widgets'), rule('pods')], { 'to-view': 'true' }),
]

describe('computeAggregatedRules', () => {
  it('unions the selected roles until nested aggregates settle, without duplicates', () => {
    const rules = computeAggregatedRules(roles)
    expect(rules.get('view')).toEqual([rule('pods'), rule('widgets')])
    expect(rules.get('edit')).toEqual([rule('pods', 'delete'), rule('pods'), rule('widgets')])
    expect(rules.get('admin')).toEqual([rule('roles', 'create'), rule('pods', 'delete'), rule('pods'), rule('widgets')])
    expect(rules.get('aggregate-to-view')).toEqual([rule('pods')])
  })

  it('traces a stored rule back to the role it came from', () => {
    const stored = computeAggregatedRules(roles)
    const withRules = roles.map((r) => ({ ...r, rules: stored.get(r.name) ?? r.rules }))
    const byName = new Map(withRules.map((r) => [r.name, r]))
    const admin = byName.get('admin') as RbacRole
    expect(findAggregationSource(admin, rule('widgets'), byName)).toBe('crd-viewer')
    expect(findAggregationSource(admin, rule('pods', 'delete'), byName)).toBe('aggregate-to-edit')
    expect(findAggregationSource(admin, rule('nodes'), byName)).toBeUndefined()
  })
})
