import { describe, expect, it } from 'vitest'

import type { RequestAttributes } from '@/lib/access/rules'

import { explainRequest, type AuthorizedIdentity } from './evaluate'
import { buildRbacIndex } from './rbac-index'
import type { RbacBinding, RbacRole } from './rbac-model'

const crole = (
  name: string,
  rules: RbacRole['rules'],
  labels: Record<string, string> = {},
  aggregate?: string,
): RbacRole => ({
  kind: 'ClusterRole',
  name,
  labels,
  rules,
  ...(aggregate ? { aggregationSelectors: [{ matchLabels: { [`aggregate-to-${aggregate}`]: 'true' } }] } : {}),
})
const role = (namespace: string, name: string, rules: RbacRole['rules']): RbacRole => ({
  kind: 'Role',
  name,
  namespace,
  labels: {},
  rules,
})
const crb = (name: string, roleName: string, subjects: RbacBinding['subjects']): RbacBinding => ({
  kind: 'ClusterRoleBinding',
  name,
  roleRef: { kind: 'ClusterRole', name: roleName },
  subjects,
})
const rb = (
  namespace: string,
  name: string,
  roleRef: RbacBinding['roleRef'],
  subjects: RbacBinding['subjects'],
): RbacBinding => ({
  kind: 'RoleBinding',
  name,
  namespace,
  roleRef,
  subjects,
})

const podReader = { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }
const index = buildRbacIndex({
  clusterRoles: [
    crole('pod-reader', [podReader], { 'aggregate-to-ops': 'true' }),
    crole('scaler', [{ apiGroups: ['*'], resources: ['*/scale'], verbs: ['update'] }]),
    crole('metrics', [{ nonResourceURLs: ['/metrics', '/debug/*'], verbs: ['get'] }]),
    crole('named-secret', [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['app-tls'], verbs: ['get'] }]),
    crole('exec', [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }], { 'aggregate-to-ops': 'true' }),
    // Stored rules as the aggregation controller wrote them: the union of pod-reader and exec.
    crole('ops', [podReader, { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }], {}, 'ops'),
    crole('wild', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
  ],
  roles: [role('team-a', 'cm-editor', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['update'] }])],
  clusterRoleBindings: [
    crb('scalers', 'scaler', [{ kind: 'Group', name: 'scalers' }]),
    crb('metrics', 'metrics', [{ kind: 'Group', name: 'system:authenticated' }]),
    crb('sa-no-ns', 'wild', [{ kind: 'ServiceAccount', name: 'lost' }]),
    crb('jane-secret', 'named-secret', [{ kind: 'User', name: 'jane' }]),
    crb('all-sas', 'pod-reader', [{ kind: 'Group', name: 'system:serviceaccounts:ci' }]),
  ],
  roleBindings: [
    rb('team-a', 'devs-read', { kind: 'ClusterRole', name: 'pod-reader' }, [{ kind: 'Group', name: 'devs' }]),
    rb('team-a', 'devs-cm', { kind: 'Role', name: 'cm-editor' }, [{ kind: 'Group', name: 'devs' }]),
    rb('team-a', 'deployer', { kind: 'ClusterRole', name: 'wild' }, [{ kind: 'ServiceAccount', name: 'deployer' }]),
    rb('team-b', 'ops', { kind: 'ClusterRole', name: 'ops' }, [{ kind: 'User', name: 'team-b:alice' }]),
    rb('team-b', 'ghost', { kind: 'ClusterRole', name: 'does-not-exist' }, [{ kind: 'Group', name: 'devs' }]),
    rb('team-b', 'other-ns-role', { kind: 'Role', name: 'cm-editor' }, [{ kind: 'Group', name: 'devs' }]),
  ],
})

const who = (username: string, groups: string[] = [], accessPolicies: AuthorizedIdentity['accessPolicies'] = []) => ({
  username,
  groups: [...groups, 'system:authenticated'],
  accessPolicies,
})
const req = (
  verb: string,
  resource: string,
  namespace?: string,
  more: Partial<RequestAttributes> = {},
): RequestAttributes => {
  const [res = '', sub] = resource.split('/')
  return {
    verb,
    apiGroup: '',
    resource: res,
    ...(sub ? { subresource: sub } : {}),
    ...(namespace ? { namespace } : {}),
    ...more,
  }
}
const EDIT = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy'
const VIEW = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy'
const MASTERS = who('root', ['system:masters'])
const dev = who('jane', ['devs'])

describe('explainRequest', () => {
  const cases: [string, AuthorizedIdentity, RequestAttributes, string[]][] = [
    [
      'system:masters is superuser',
      MASTERS,
      req('delete', 'nodes'),
      ['group system:masters → superuser (bypasses RBAC and access policies)'],
    ],
    [
      'RoleBinding to a ClusterRole applies in its namespace',
      dev,
      req('get', 'pods', 'team-a'),
      ['group devs → RoleBinding team-a/devs-read → ClusterRole pod-reader, rule 1'],
    ],
    ['… and nowhere else', dev, req('get', 'pods', 'team-c'), []],
    ['… nor across all namespaces', dev, req('list', 'pods'), []],
    [
      'the subresource is listed',
      dev,
      req('get', 'pods/log', 'team-a'),
      ['group devs → RoleBinding team-a/devs-read → ClusterRole pod-reader, rule 1'],
    ],
    ['pods does not grant pods/exec', dev, req('create', 'pods/exec', 'team-a'), []],
    [
      'RoleBinding to a Role of its namespace',
      dev,
      req('update', 'configmaps', 'team-a'),
      ['group devs → RoleBinding team-a/devs-cm → Role team-a/cm-editor, rule 1'],
    ],
    ['a RoleBinding to a Role of another namespace finds nothing', dev, req('update', 'configmaps', 'team-b'), []],
    [
      '*/scale covers every scale subresource',
      who('x', ['scalers']),
      req('update', 'deployments/scale', 'a', { apiGroup: 'apps' }),
      ['group scalers → ClusterRoleBinding scalers → ClusterRole scaler, rule 1'],
    ],
    [
      '*/scale is not the resource itself',
      who('x', ['scalers']),
      req('update', 'deployments', 'a', { apiGroup: 'apps' }),
      [],
    ],
    [
      'non-resource URL, exact',
      who('x'),
      { verb: 'get', apiGroup: '', resource: '', nonResourceURL: '/metrics' },
      ['group system:authenticated → ClusterRoleBinding metrics → ClusterRole metrics, rule 1'],
    ],
    [
      'non-resource URL, trailing * is a prefix',
      who('x'),
      { verb: 'get', apiGroup: '', resource: '', nonResourceURL: '/debug/pprof' },
      ['group system:authenticated → ClusterRoleBinding metrics → ClusterRole metrics, rule 1'],
    ],
    [
      'non-resource URL, prefix needs the slash',
      who('x'),
      { verb: 'get', apiGroup: '', resource: '', nonResourceURL: '/debugger' },
      [],
    ],
    [
      'non-resource URL, verb must match',
      who('x'),
      { verb: 'post', apiGroup: '', resource: '', nonResourceURL: '/metrics' },
      [],
    ],
    [
      'resourceNames: the named object',
      who('jane'),
      req('get', 'secrets', 'a', { name: 'app-tls' }),
      ['user jane → ClusterRoleBinding jane-secret → ClusterRole named-secret, rule 1'],
    ],
    ['resourceNames: another object', who('jane'), req('get', 'secrets', 'a', { name: 'db' }), []],
    ['resourceNames: never a list', who('jane'), req('list', 'secrets', 'a'), []],
    [
      'ServiceAccount subject defaults to the RoleBinding namespace',
      who('system:serviceaccount:team-a:deployer', ['system:serviceaccounts', 'system:serviceaccounts:team-a']),
      req('delete', 'secrets', 'team-a'),
      ['service account team-a/deployer → RoleBinding team-a/deployer → ClusterRole wild, rule 1'],
    ],
    [
      '… not the same name in another namespace',
      who('system:serviceaccount:team-b:deployer', ['system:serviceaccounts']),
      req('delete', 'secrets', 'team-a'),
      [],
    ],
    [
      'a ServiceAccount without namespace in a ClusterRoleBinding matches nobody',
      who('system:serviceaccount:default:lost'),
      req('get', 'pods', 'default'),
      [],
    ],
    [
      'system:serviceaccounts:<ns> group',
      who('system:serviceaccount:ci:builder', ['system:serviceaccounts', 'system:serviceaccounts:ci']),
      req('list', 'pods'),
      ['group system:serviceaccounts:ci → ClusterRoleBinding all-sas → ClusterRole pod-reader, rule 1'],
    ],
    [
      'a templated username matches a User subject it renders to',
      who('team-b:{{SessionName}}'),
      req('create', 'pods/exec', 'team-b'),
      [
        'user team-b:alice → RoleBinding team-b/ops → ClusterRole ops, rule 2 (aggregated from exec) (only for the session named alice)',
      ],
    ],
    [
      'the rendered username itself holds the binding for every session it stands for',
      who('team-b:alice'),
      req('create', 'pods/exec', 'team-b'),
      ['user team-b:alice → RoleBinding team-b/ops → ClusterRole ops, rule 2 (aggregated from exec)'],
    ],
    ['a binding to a missing role grants nothing', dev, req('get', 'pods', 'team-b'), []],
    [
      'access policy in scope',
      who('x', [], [{ policyArn: EDIT, accessScope: { type: 'namespace', namespaces: ['team-*'] } }]),
      req('delete', 'pods', 'team-z'),
      ['access entry → AmazonEKSEditPolicy scoped to team-* → namespace team-z, rule 3'],
    ],
    [
      'access policy, namespace outside the scope',
      who('x', [], [{ policyArn: EDIT, accessScope: { type: 'namespace', namespaces: ['team-*'] } }]),
      req('delete', 'pods', 'prod'),
      [],
    ],
    [
      'a namespace scope never covers a cluster-wide request',
      who('x', [], [{ policyArn: VIEW, accessScope: { type: 'namespace', namespaces: ['*'] } }]),
      req('list', 'pods'),
      [],
    ],
    [
      'a namespace scope of * covers every namespace',
      who('x', [], [{ policyArn: VIEW, accessScope: { type: 'namespace', namespaces: ['*'] } }]),
      req('list', 'pods', 'kube-system'),
      ['access entry → AmazonEKSViewPolicy scoped to * → namespace kube-system, rule 1'],
    ],
    [
      'get on the Namespace object is inside its own namespace',
      who('x', [], [{ policyArn: VIEW, accessScope: { type: 'namespace', namespaces: ['team-a'] } }]),
      req('get', 'namespaces', undefined, { name: 'team-a' }),
      ['access entry → AmazonEKSViewPolicy scoped to team-a → namespace team-a, rule 3'],
    ],
    [
      'an unknown policy grants nothing',
      who(
        'x',
        [],
        [
          {
            policyArn: 'arn:aws:eks::aws:cluster-access-policy/Nope',
            accessScope: { type: 'cluster', namespaces: [] },
          },
        ],
      ),
      req('get', 'pods', 'a'),
      [],
    ],
  ]
  it.each(cases)('%s', (_name, identity, attrs, expected) => {
    expect(explainRequest(index, identity, attrs).map((p) => p.text)).toEqual(expected)
  })

  it('lists every path, policy before RBAC; firstOnly stops at one', () => {
    const both = who('jane', ['devs'], [{ policyArn: VIEW, accessScope: { type: 'cluster', namespaces: [] } }])
    const paths = explainRequest(index, both, req('get', 'pods', 'team-a'))
    expect(paths.map((p) => p.kind)).toEqual(['access-policy', 'rbac'])
    expect(explainRequest(index, both, req('get', 'pods', 'team-a'), { firstOnly: true })).toHaveLength(1)
  })

  it('marks access-policy paths whose catalogue rules are UNVERIFIED', () => {
    const auto = who(
      'x',
      [],
      [
        {
          policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSComputeClusterPolicy',
          accessScope: { type: 'cluster', namespaces: [] },
        },
      ],
    )
    const [path] = explainRequest(index, auto, { verb: 'list', apiGroup: 'karpenter.sh', resource: 'nodepools' })
    expect(path).toMatchObject({ kind: 'access-policy', unverified: true })
    const [view] = explainRequest(
      index,
      who('x', [], [{ policyArn: VIEW, accessScope: { type: 'cluster', namespaces: [] } }]),
      req('get', 'pods', 'a'),
    )
    expect(view).toMatchObject({ kind: 'access-policy', unverified: false })
  })
})
