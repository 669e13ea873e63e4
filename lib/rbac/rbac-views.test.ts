import { describe, expect, it } from 'vitest'

import type { RbacBinding, RbacObjects, RbacRole } from '@/lib/effective-access/rbac-model'

import { buildRbacOverview, describeRole, describeSubject } from './rbac-views'

const AGG = 'example.com/aggregate-to-ops'
const cr = (name: string, rules: RbacRole['rules'], extra: Partial<RbacRole> = {}): RbacRole => ({
  kind: 'ClusterRole',
  name,
  labels: {},
  rules,
  ...extra,
})
const nodes = { apiGroups: [''], resources: ['nodes'], verbs: ['get'] }
const exec = { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }
const objects: RbacObjects = {
  clusterRoles: [
    cr('ops', [nodes, exec], { aggregationSelectors: [{ matchLabels: { [AGG]: 'true' } }] }),
    cr('ops-nodes', [nodes], { labels: { [AGG]: 'true' } }),
    cr('ops-debug', [exec], { labels: { [AGG]: 'true' } }),
    cr('view', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]),
  ],
  roles: [{ kind: 'Role', name: 'reader', namespace: 'team-a', labels: {}, rules: [nodes] }],
  clusterRoleBindings: [
    {
      kind: 'ClusterRoleBinding',
      name: 'ops',
      roleRef: { kind: 'ClusterRole', name: 'ops' },
      subjects: [{ kind: 'Group', name: 'sre' }],
    },
    {
      kind: 'ClusterRoleBinding',
      name: 'ghost',
      roleRef: { kind: 'ClusterRole', name: 'missing' },
      subjects: [{ kind: 'User', name: 'jane' }],
    },
  ],
  roleBindings: [
    {
      kind: 'RoleBinding',
      name: 'sre-view',
      namespace: 'team-a',
      roleRef: { kind: 'ClusterRole', name: 'view' },
      subjects: [
        { kind: 'Group', name: 'sre' },
        { kind: 'ServiceAccount', name: 'ci' },
      ],
    },
    {
      kind: 'RoleBinding',
      name: 'reader',
      namespace: 'team-a',
      roleRef: { kind: 'Role', name: 'reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'team-a' }],
    },
  ] satisfies RbacBinding[],
}

describe('buildRbacOverview', () => {
  const overview = buildRbacOverview(objects)
  it('counts aggregation sources and bindings per role, and marks bindings to missing roles', () => {
    expect(overview.clusterRoles.find((r) => r.name === 'ops')).toMatchObject({
      aggregatedFrom: 2,
      bindingCount: 1,
      ruleCount: 2,
    })
    expect(overview.clusterRoles.find((r) => r.name === 'view')).toMatchObject({
      aggregatedFrom: null,
      bindingCount: 1,
    })
    expect(overview.roles[0]).toMatchObject({ name: 'reader', namespace: 'team-a', bindingCount: 1 })
    expect(overview.clusterRoleBindings.map((b) => [b.name, b.roleExists])).toEqual([
      ['ops', true],
      ['ghost', false],
    ])
  })
  it('lists each subject once; a ServiceAccount without namespace takes its RoleBinding’s', () => {
    expect(overview.subjects).toEqual([
      { kind: 'Group', name: 'sre', namespace: null, bindingCount: 2 },
      { kind: 'ServiceAccount', name: 'ci', namespace: 'team-a', bindingCount: 2 },
      { kind: 'User', name: 'jane', namespace: null, bindingCount: 1 },
    ])
  })
})

describe('describeRole', () => {
  it('an aggregated ClusterRole: selectors, sources, and the source of each rule', () => {
    const ops = describeRole(objects.clusterRoles[0] as RbacRole, objects)
    expect(ops.aggregation).toEqual({
      selectors: [{ matchLabels: { [AGG]: 'true' } }],
      sources: ['ops-debug', 'ops-nodes'],
    })
    expect(ops.rules.map((r) => r.source)).toEqual(['ops-nodes', 'ops-debug'])
    expect(ops.bindings.map((b) => b.name)).toEqual(['ops'])
  })
  it('a source ClusterRole says which aggregate it feeds', () => {
    const part = describeRole(objects.clusterRoles[1] as RbacRole, objects)
    expect(part.aggregatedInto).toEqual(['ops'])
    expect(part.aggregation).toBeNull()
    expect(part.rules.map((r) => r.source)).toEqual([null])
  })
  it('a Role is referenced only by RoleBindings of its namespace', () => {
    expect(describeRole(objects.roles[0] as RbacRole, objects).bindings.map((b) => b.name)).toEqual(['reader'])
  })
})

describe('describeSubject', () => {
  it('a group: the cluster-wide binding first, then each RoleBinding with the namespace it applies in', () => {
    const sre = describeSubject({ kind: 'Group', name: 'sre' }, objects)
    expect(sre.bindings.map((b) => [b.binding.name, b.scope, b.rules.length])).toEqual([
      ['ops', null, 2],
      ['sre-view', 'team-a', 1],
    ])
  })
  it('a ServiceAccount by namespace; a user bound to a missing role gets no rules', () => {
    expect(describeSubject({ kind: 'ServiceAccount', name: 'ci', namespace: 'team-a' }, objects).bindings).toHaveLength(
      2,
    )
    expect(describeSubject({ kind: 'ServiceAccount', name: 'ci', namespace: 'other' }, objects).bindings).toHaveLength(
      0,
    )
    const jane = describeSubject({ kind: 'User', name: 'jane' }, objects)
    expect(jane.bindings[0]).toMatchObject({ rules: [], binding: { roleExists: false } })
  })
})
