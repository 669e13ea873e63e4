import { describe, expect, it } from 'vitest'

import type { AuthenticationMode } from '@/lib/access/authentication-mode'
import type { RequestAttributes } from '@/lib/access/rules'
import { parseAwsAuth } from '@/lib/aws-auth/aws-auth-parse'

import { buildAuthIndex, resolveIdentity, type EntryFacts, type PolicyGrant } from './identity'
import { buildRbacIndex } from './rbac-index'
import { diagnoseRequest } from './why-forbidden'

const A = 'arn:aws:iam::111122223333'
const P = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`
const ns = (...namespaces: string[]): PolicyGrant['accessScope'] => ({ type: 'namespace', namespaces })
const entry = (name: string, policies: PolicyGrant[] = [], kubernetesGroups: string[] = []): EntryFacts => ({
  principalArn: `${A}:role/${name}`,
  type: 'STANDARD',
  username: null,
  kubernetesGroups,
  policies,
  createdAt: '2025-01-01T00:00:00.000Z',
})
const rbac = buildRbacIndex({
  clusterRoles: [
    {
      kind: 'ClusterRole',
      name: 'discovery',
      labels: {},
      rules: [{ nonResourceURLs: ['/api', '/apis/*'], verbs: ['get'] }],
    },
    {
      kind: 'ClusterRole',
      name: 'view',
      labels: {},
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }],
    },
  ],
  roles: [],
  // Everyone's bindings (discovery, self reviews) do not make an empty entry hold something.
  clusterRoleBindings: [
    {
      kind: 'ClusterRoleBinding',
      name: 'discovery',
      roleRef: { kind: 'ClusterRole', name: 'discovery' },
      subjects: [{ kind: 'Group', name: 'system:authenticated' }],
    },
  ],
  roleBindings: [
    {
      kind: 'RoleBinding',
      name: 'ops-view',
      namespace: 'ops',
      roleRef: { kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'Group', name: 'ops' }],
    },
  ],
})
const auth = (mode: AuthenticationMode) =>
  buildAuthIndex({
    authenticationMode: mode,
    accessEntries: [
      entry('Scoped', [{ policyArn: P('AmazonEKSEditPolicy'), accessScope: ns('team-a') }]),
      entry('Viewer', [{ policyArn: P('AmazonEKSViewPolicy'), accessScope: ns('team-a') }]),
      entry('Empty'),
      entry('Orphan', [], ['nobody-binds-this']),
      entry('Ops', [], ['ops']),
    ],
    awsAuth: parseAwsAuth({ mapRoles: `- rolearn: ${A}:role/Mapped\n  username: mapped\n  groups: [ops]\n` }),
  })
const pods = (verb: string, namespace?: string) => ({
  verb,
  apiGroup: '',
  resource: 'pods',
  ...(namespace ? { namespace } : {}),
})

describe('diagnoseRequest', () => {
  const cases: [string, AuthenticationMode, string, RequestAttributes, string, object | null][] = [
    [
      'no entry, no mapping',
      'API',
      'Stranger',
      pods('list', 'team-a'),
      'no-identity',
      { policyName: 'AmazonEKSViewPolicy', accessScope: ns('team-a'), createsEntry: true },
    ],
    [
      'mapping ignored in API mode',
      'API',
      'Mapped',
      pods('list', 'ops'),
      'mapping-ignored-by-mode',
      { createsEntry: true },
    ],
    ['entry ignored in CONFIG_MAP mode', 'CONFIG_MAP', 'Scoped', pods('list', 'team-a'), 'entry-ignored-by-mode', null],
    [
      'entry with nothing',
      'API',
      'Empty',
      pods('list', 'team-a'),
      'entry-grants-nothing',
      { policyName: 'AmazonEKSViewPolicy', createsEntry: false },
    ],
    [
      'scope excludes the namespace',
      'API',
      'Scoped',
      pods('delete', 'team-b'),
      'scope-excludes-namespace',
      { policyName: 'AmazonEKSEditPolicy', accessScope: ns('team-a', 'team-b') },
    ],
    [
      'a namespace scope never covers a cluster-wide request',
      'API',
      'Scoped',
      pods('list'),
      'scope-excludes-namespace',
      { policyName: 'AmazonEKSEditPolicy', accessScope: { type: 'cluster', namespaces: [] } },
    ],
    [
      'the policy lacks the verb',
      'API',
      'Viewer',
      pods('delete', 'team-a'),
      'policy-lacks-permission',
      { policyName: 'AmazonEKSEditPolicy', accessScope: ns('team-a') },
    ],
    [
      'the group is bound to nothing',
      'API',
      'Orphan',
      pods('list', 'team-a'),
      'group-bound-to-nothing',
      { policyName: 'AmazonEKSViewPolicy' },
    ],
    [
      'the bindings lack it',
      'API',
      'Ops',
      pods('delete', 'ops'),
      'bindings-lack-permission',
      { policyName: 'AmazonEKSEditPolicy', accessScope: ns('ops') },
    ],
    [
      // Before: AmazonEKSClusterAdminPolicy was offered for a read the view policy lacks (kubectl get nodes).
      'a read the view policy lacks gets the read-only admin view, not cluster admin',
      'API',
      'Viewer',
      { verb: 'list', apiGroup: '', resource: 'nodes' },
      'policy-lacks-permission',
      { policyName: 'AmazonEKSAdminViewPolicy', accessScope: { type: 'cluster', namespaces: [] } },
    ],
    [
      'reading secrets gets the read-only admin view in that namespace, not write access',
      'API',
      'Viewer',
      { verb: 'get', apiGroup: '', resource: 'secrets', namespace: 'team-a' },
      'policy-lacks-permission',
      { policyName: 'AmazonEKSAdminViewPolicy', accessScope: ns('team-a') },
    ],
    ['allowed', 'API', 'Ops', pods('list', 'ops'), 'allowed', null],
    ['allowed through aws-auth', 'API_AND_CONFIG_MAP', 'Mapped', pods('get', 'ops'), 'allowed', null],
  ]
  it.each(cases)('%s', (_name, mode, role, request, code, fix) => {
    const identity = resolveIdentity(auth(mode), `${A}:role/${role}`)
    const diagnosis = diagnoseRequest(rbac, identity, request)
    expect(diagnosis.code).toBe(code)
    expect(diagnosis.allowed).toBe(code === 'allowed')
    if (fix === null) expect(diagnosis.fix).toBeNull()
    else expect(diagnosis.fix).toMatchObject(fix)
  })

  it('offers no grant on a CONFIG_MAP cluster, which reads no access entries', () => {
    const identity = resolveIdentity(auth('CONFIG_MAP'), `${A}:role/Stranger`)
    const diagnosis = diagnoseRequest(rbac, identity, pods('list', 'ops'), { authenticationMode: 'CONFIG_MAP' })
    expect(diagnosis).toMatchObject({ code: 'no-identity', fix: null })
    expect(diagnosis.message).toContain('map the principal there')
  })

  it('names a deleted-and-recreated principal', () => {
    const identity = resolveIdentity(auth('API'), `${A}:role/Scoped`, {
      principal: { exists: true, createdAt: '2025-03-01T00:00:00.000Z' },
    })
    expect(diagnoseRequest(rbac, identity, pods('list', 'team-a')).code).toBe('entry-stale')
  })
})

describe('diagnoseRequest: the fix for a deleted-and-recreated principal', () => {
  it('recreates the entry with its old settings and policies', () => {
    const identity = resolveIdentity(auth('API'), `${A}:role/Scoped`, {
      principal: { exists: true, createdAt: '2025-03-01T00:00:00.000Z' },
    })
    const diagnosis = diagnoseRequest(rbac, identity, pods('list', 'team-a'))
    expect(diagnosis.fix).toMatchObject({
      principalArn: `${A}:role/Scoped`,
      policyArn: P('AmazonEKSEditPolicy'),
      accessScope: ns('team-a'),
      createsEntry: true,
      recreate: {
        type: 'STANDARD',
        username: null,
        kubernetesGroups: [],
        policies: [{ policyArn: P('AmazonEKSEditPolicy'), accessScope: ns('team-a') }],
      },
    })
    expect(diagnosis.fix?.message).toMatch(/Delete the access entry and create it again/)
  })
})
