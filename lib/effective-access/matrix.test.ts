// The principal matrix beyond plain allow/deny: non-resource URLs (only ClusterRoles bound by ClusterRoleBindings,
// and cluster-scoped access policies, grant them; a trailing `*` is a prefix) and grants limited by resourceNames
// (a cell "only x" with its path, never a full allow and never missing).
import { describe, expect, it } from 'vitest'

import type { PolicyRule } from '@/lib/access/policy-rule'

import type { AuthorizedIdentity } from './evaluate'
import { buildPermissionMatrix, type MatrixResource, type PermissionMatrix } from './matrix'
import { buildRbacIndex } from './rbac-index'
import type { RbacBinding, RbacRole } from './rbac-model'

const crole = (name: string, rules: PolicyRule[]): RbacRole => ({ kind: 'ClusterRole', name, labels: {}, rules })
const role = (namespace: string, name: string, rules: PolicyRule[]): RbacRole => ({
  kind: 'Role',
  name,
  namespace,
  labels: {},
  rules,
})
const devs = [{ kind: 'Group', name: 'devs' }]
const crb = (name: string, roleName: string): RbacBinding => ({
  kind: 'ClusterRoleBinding',
  name,
  roleRef: { kind: 'ClusterRole', name: roleName },
  subjects: devs,
})
const rb = (namespace: string, name: string, roleRef: RbacBinding['roleRef']): RbacBinding => ({
  kind: 'RoleBinding',
  name,
  namespace,
  roleRef,
  subjects: devs,
})

const index = buildRbacIndex({
  clusterRoles: [
    crole('metrics', [{ nonResourceURLs: ['/metrics', '/logs/*'], verbs: ['get'] }]),
    crole('discovery', [{ nonResourceURLs: ['/api/*'], verbs: ['get'] }]),
    crole('ns-only-urls', [{ nonResourceURLs: ['/debug/pprof'], verbs: ['get'] }]),
    crole('impersonate-one', [
      { apiGroups: [''], resources: ['users'], resourceNames: ['jane'], verbs: ['impersonate'] },
    ]),
  ],
  roles: [
    role('team-a', 'named', [
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['app-tls', 'db'], verbs: ['get', 'list', 'create'] },
      { apiGroups: [''], resources: ['pods/exec'], resourceNames: ['debug-0'], verbs: ['create'] },
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'], verbs: ['get'] },
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
    ]),
  ],
  clusterRoleBindings: [crb('metrics', 'metrics'), crb('discovery', 'discovery'), crb('imp', 'impersonate-one')],
  roleBindings: [
    rb('team-a', 'named', { kind: 'Role', name: 'named' }),
    // A RoleBinding to a ClusterRole with URLs grants no URL: RoleBindings are namespaced, URLs are not.
    rb('team-a', 'urls', { kind: 'ClusterRole', name: 'ns-only-urls' }),
  ],
})

const identity = (more: Partial<AuthorizedIdentity> = {}): AuthorizedIdentity => ({
  username: 'jane',
  groups: ['devs'],
  accessPolicies: [],
  ...more,
})
const RESOURCES: MatrixResource[] = [
  { apiGroup: '', resource: 'secrets', namespaced: true },
  { apiGroup: '', resource: 'configmaps', namespaced: true, verbs: ['get'] },
  { apiGroup: '', resource: 'pods', subresource: 'exec', namespaced: true, verbs: ['create'] },
  { apiGroup: '', resource: 'users', namespaced: false, verbs: ['impersonate'] },
]

const cellOf = (m: PermissionMatrix, namespace: string | null, resource: string, verb: string) =>
  m.cells.find((c) => c.namespace === namespace && c.resource === resource && c.verb === verb)
const pathsOf = (m: PermissionMatrix, namespace: string | null, resource: string, verb: string) =>
  (cellOf(m, namespace, resource, verb)?.pathIds ?? []).map((id) => m.paths[id]?.text)

describe('buildPermissionMatrix: non-resource URLs', () => {
  const m = buildPermissionMatrix(index, identity(), ['team-a'], { resources: RESOURCES })
  const rows = m.resources.filter((r) => r.nonResource).map((r) => r.key)

  it('lists the common URLs and every URL its ClusterRoleBindings name, cluster-wide only', () => {
    expect(rows).toEqual(
      expect.arrayContaining(['/api', '/api/*', '/healthz', '/logs/*', '/metrics', '/version', '/livez', '/readyz']),
    )
    expect(m.resources.filter((r) => r.nonResource).every((r) => !r.namespaced)).toBe(true)
    expect(m.cells.filter((c) => c.resource.startsWith('/')).every((c) => c.namespace === null)).toBe(true)
  })

  it.each([
    // url, verb, allowed by
    ['/metrics', 'get', 'ClusterRoleBinding metrics'],
    ['/logs/*', 'get', 'ClusterRoleBinding metrics'],
    ['/api/*', 'get', 'ClusterRoleBinding discovery'],
    ['/metrics', 'post', null],
    // `/api/*` is a prefix of /api/… only: /api itself is another URL.
    ['/api', 'get', null],
    ['/healthz', 'get', null],
    // Named by a ClusterRole that only a RoleBinding points at: no row, no cell.
    ['/debug/pprof', 'get', null],
  ])('%s %s → %s', (url, verb, by) => {
    const paths = pathsOf(m, null, url, verb)
    if (by === null) expect(paths).toEqual([])
    else expect(paths).toEqual([expect.stringContaining(by)])
  })

  it('leaves out URLs only a RoleBinding brings', () => {
    expect(rows).not.toContain('/debug/pprof')
  })

  it('asks cluster-scoped access policies, not namespace-scoped ones', () => {
    const admin = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy'
    const scoped = buildPermissionMatrix(
      index,
      identity({ accessPolicies: [{ policyArn: admin, accessScope: { type: 'namespace', namespaces: ['team-a'] } }] }),
      [],
      { resources: [] },
    )
    expect(scoped.resources.map((r) => r.key)).not.toContain('*')
    expect(pathsOf(scoped, null, '/healthz', 'get')).toEqual([])
    const cluster = buildPermissionMatrix(
      index,
      identity({ accessPolicies: [{ policyArn: admin, accessScope: { type: 'cluster', namespaces: [] } }] }),
      [],
      { resources: [] },
    )
    expect(cluster.resources.map((r) => r.key)).toContain('*')
    expect(pathsOf(cluster, null, '/healthz', 'delete')).toEqual([
      expect.stringContaining('AmazonEKSClusterAdminPolicy cluster-wide'),
    ])
    expect(pathsOf(cluster, null, '*', 'get')).toHaveLength(1)
  })
})

describe('buildPermissionMatrix: grants limited by resourceNames', () => {
  const m = buildPermissionMatrix(index, identity(), ['team-a', 'team-b'], { resources: RESOURCES })

  it.each([
    // namespace, resource, verb, names (undefined: a full allow), path
    ['team-a', 'secrets', 'get', ['app-tls', 'db'], 'Role team-a/named, rule 1'],
    // list with a metadata.name field selector carries the name (kube-apiserver RequestInfo).
    ['team-a', 'secrets', 'list', ['app-tls', 'db'], 'Role team-a/named, rule 1'],
    ['team-a', 'pods/exec', 'create', ['debug-0'], 'Role team-a/named, rule 2'],
    // A full grant beside a named one: a full allow.
    ['team-a', 'configmaps', 'get', undefined, 'Role team-a/named, rule 4'],
    [null, 'users', 'impersonate', ['jane'], 'ClusterRole impersonate-one, rule 1'],
  ])('%s %s %s → only %j', (namespace, resource, verb, names, path) => {
    const cell = cellOf(m, namespace, resource, verb)
    expect(cell?.names).toEqual(names)
    expect(pathsOf(m, namespace, resource, verb)).toEqual([expect.stringContaining(path)])
  })

  it.each([
    // A create of the collection names nothing: resourceNames cannot allow it.
    ['team-a', 'secrets', 'create'],
    ['team-a', 'secrets', 'deletecollection'],
    ['team-a', 'secrets', 'delete'],
    // The Role is in team-a only.
    ['team-b', 'secrets', 'get'],
    [null, 'secrets', 'get'],
  ])('%s %s %s → no cell', (namespace, resource, verb) => {
    expect(cellOf(m, namespace, resource, verb)).toBeUndefined()
  })

  it('counts a scoped access policy with resourceNames only inside its scope', () => {
    const policyArn = 'arn:aws:eks::aws:cluster-access-policy/TestNamedPolicy'
    const rules: PolicyRule[] = [
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['aws-auth'], verbs: ['update'] },
    ]
    const scoped = buildPermissionMatrix(
      buildRbacIndex({ clusterRoles: [], roles: [], roleBindings: [], clusterRoleBindings: [] }),
      identity({ accessPolicies: [{ policyArn, accessScope: { type: 'namespace', namespaces: ['kube-system'] } }] }),
      ['kube-system', 'team-a'],
      {
        resources: [{ apiGroup: '', resource: 'configmaps', namespaced: true, verbs: ['update'] }],
        policyRules: (arn) => (arn === policyArn ? rules : undefined),
      },
    )
    expect(cellOf(scoped, 'kube-system', 'configmaps', 'update')).toMatchObject({
      names: ['aws-auth'],
      risk: 'modify-aws-auth',
    })
    expect(cellOf(scoped, 'team-a', 'configmaps', 'update')).toBeUndefined()
    expect(cellOf(scoped, null, 'configmaps', 'update')).toBeUndefined()
  })
})
