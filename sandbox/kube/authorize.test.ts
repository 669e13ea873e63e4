import { describe, expect, it } from 'vitest'

import { authorize, buildForbiddenMessage } from './authorize'
import { EDIT, nsScope, policyRules, rbac, res, user, VIEW } from './testing/authorize-fixtures'
import type { AccessPolicyGrant, RequestAttributes, UserInfo } from './types'

describe('authorize', () => {
  it.each<[string, UserInfo, AccessPolicyGrant[], RequestAttributes, boolean, string | undefined]>([
    [
      'masters can do anything',
      user('admin', 'system:masters'),
      [],
      res('delete', 'nodes', undefined, 'n1'),
      true,
      'system:masters',
    ],
    ['nobody by default', user('nobody'), [], res('list', 'pods', 'default'), false, undefined],
    [
      'discovery for every authenticated user',
      user('nobody'),
      [],
      { kind: 'nonResource', verb: 'get', path: '/apis/apps/v1' },
      true,
      'rbac',
    ],
    [
      'non-resource not granted',
      user('nobody'),
      [],
      { kind: 'nonResource', verb: 'get', path: '/metrics' },
      false,
      undefined,
    ],
    [
      'cluster-scoped view policy',
      user('carol'),
      [{ policyArn: VIEW, scope: { type: 'cluster' } }],
      res('list', 'pods'),
      true,
      'access-policy',
    ],
    [
      'view policy cannot delete',
      user('carol'),
      [{ policyArn: VIEW, scope: { type: 'cluster' } }],
      res('delete', 'pods', 'a', 'p'),
      false,
      undefined,
    ],
    [
      'namespace scope matches',
      user('dev'),
      [{ policyArn: EDIT, scope: nsScope('team-a') }],
      res('create', 'pods', 'team-a'),
      true,
      'access-policy',
    ],
    [
      'namespace scope other ns',
      user('dev'),
      [{ policyArn: EDIT, scope: nsScope('team-a') }],
      res('create', 'pods', 'team-b'),
      false,
      undefined,
    ],
    [
      'namespace scope wildcard',
      user('dev'),
      [{ policyArn: VIEW, scope: nsScope('shop-*') }],
      res('get', 'pods', 'shop-web', 'x'),
      true,
      'access-policy',
    ],
    [
      'wildcard does not match prefix alone',
      user('dev'),
      [{ policyArn: VIEW, scope: nsScope('shop-*') }],
      res('get', 'pods', 'shopping', 'x'),
      false,
      undefined,
    ],
    [
      'namespace scope never covers all-namespaces list',
      user('dev'),
      [{ policyArn: VIEW, scope: nsScope('*') }],
      res('list', 'pods'),
      false,
      undefined,
    ],
    [
      'namespace scope never covers cluster-scoped kinds',
      user('dev'),
      [{ policyArn: VIEW, scope: nsScope('team-a') }],
      res('list', 'namespaces'),
      false,
      undefined,
    ],
    [
      'unknown policy grants nothing',
      user('dev'),
      [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/Nope', scope: { type: 'cluster' } }],
      res('list', 'pods'),
      false,
      undefined,
    ],
    [
      'RBAC via group RoleBinding → ClusterRole',
      user('x', 'team-a-devs'),
      [],
      res('update', 'configmaps', 'team-a', 'c'),
      true,
      'rbac',
    ],
    [
      'RoleBinding to ClusterRole is namespaced',
      user('x', 'team-a-devs'),
      [],
      res('update', 'configmaps', 'team-b', 'c'),
      false,
      undefined,
    ],
    ['RBAC via User ClusterRoleBinding', user('alice'), [], res('list', 'nodes'), true, 'rbac'],
    [
      'resourceNames allow the named object',
      user('bob'),
      [],
      res('get', 'configmaps', 'team-b', 'settings'),
      true,
      'rbac',
    ],
    ['resourceNames deny other names', user('bob'), [], res('get', 'configmaps', 'team-b', 'other'), false, undefined],
    ['resourceNames deny list', user('bob'), [], res('list', 'configmaps', 'team-b'), false, undefined],
    [
      'subresource pods/log',
      user('system:serviceaccount:team-b:ci'),
      [],
      res('get', 'pods', 'team-b', 'p', { subresource: 'log' }),
      true,
      'rbac',
    ],
    [
      'pods/log does not grant pods',
      user('system:serviceaccount:team-b:ci'),
      [],
      res('get', 'pods', 'team-b', 'p'),
      false,
      undefined,
    ],
    [
      '*/scale subresource wildcard',
      user('system:serviceaccount:kube-system:hpa'),
      [],
      res('update', 'deployments', 'x', 'd', { apiGroup: 'apps', subresource: 'scale' }),
      true,
      'rbac',
    ],
    [
      'access policy before RBAC',
      user('x', 'team-a-devs'),
      [{ policyArn: VIEW, scope: nsScope('team-a') }],
      res('get', 'pods', 'team-a', 'p'),
      true,
      'access-policy',
    ],
  ])('%s', (_name, u, accessPolicies, attrs, allowed, decidedBy) => {
    const d = authorize(attrs, { user: u, accessPolicies, accessPolicyRules: policyRules, rbac })
    expect(d.allowed).toBe(allowed)
    expect(d.decidedBy).toBe(decidedBy)
  })

  it('explains RBAC decisions like kube-apiserver', () => {
    const d = authorize(res('list', 'pods', 'team-a'), {
      user: user('x', 'team-a-devs'),
      accessPolicies: [],
      accessPolicyRules: policyRules,
      rbac,
    })
    expect(d.reason).toBe(
      'RBAC: allowed by RoleBinding "team-a/team-a-devs-edit" of ClusterRole "edit" to Group "team-a-devs"',
    )
  })

  it.each([
    [
      res('list', 'pods', 'kube-system'),
      'pods is forbidden: User "u" cannot list resource "pods" in API group "" in the namespace "kube-system"',
    ],
    [
      res('get', 'pods', 'a', 'x'),
      'pods "x" is forbidden: User "u" cannot get resource "pods" in API group "" in the namespace "a"',
    ],
    [
      res('list', 'nodes'),
      'nodes is forbidden: User "u" cannot list resource "nodes" in API group "" at the cluster scope',
    ],
    [
      res('get', 'pods', 'a', 'x', { subresource: 'log' }),
      'pods "x" is forbidden: User "u" cannot get resource "pods/log" in API group "" in the namespace "a"',
    ],
    [
      res('list', 'roles', 'a', undefined, { apiGroup: 'rbac.authorization.k8s.io' }),
      'roles.rbac.authorization.k8s.io is forbidden: User "u" cannot list resource "roles" in API group "rbac.authorization.k8s.io" in the namespace "a"',
    ],
    [
      { kind: 'nonResource', verb: 'get', path: '/metrics' } as RequestAttributes,
      'forbidden: User "u" cannot get path "/metrics"',
    ],
  ])('forbidden message %#', (attrs, message) => {
    expect(buildForbiddenMessage('u', attrs)).toBe(message)
  })
})
