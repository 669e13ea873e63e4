// Shared fixtures for the authorizer's unit tests: a test double of lib/access/policy-catalogue.ts and a small
// RBAC world (bootstrap-like roles, group/user/service-account bindings, resourceNames, subresources).
import { createArrayRbacSource, type Binding, type RoleObject } from '../rbac-source'
import type { AccessPolicyGrant, PolicyRule, RequestAttributes, UserInfo } from '../types'

// A local test double of lib/access/policy-catalogue.ts `accessPolicyRules`.
export const VIEW = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy'
export const EDIT = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy'
const CATALOGUE: Record<string, PolicyRule[]> = {
  [VIEW]: [
    { apiGroups: [''], resources: ['pods', 'pods/log', 'configmaps', 'namespaces'], verbs: ['get', 'list', 'watch'] },
  ],
  [EDIT]: [
    {
      apiGroups: [''],
      resources: ['pods', 'configmaps'],
      verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
    },
  ],
}
export const policyRules = (arn: string) => CATALOGUE[arn]

const crb = (name: string, role: string, subjects: Binding['subjects']): Binding => ({
  metadata: { name },
  subjects,
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
})
const rb = (
  ns: string,
  name: string,
  kind: 'Role' | 'ClusterRole',
  role: string,
  subjects: Binding['subjects'],
): Binding => ({
  metadata: { name, namespace: ns },
  subjects,
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name: role },
})
const clusterRoles: RoleObject[] = [
  {
    metadata: { name: 'cluster-admin' },
    rules: [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ],
  },
  {
    metadata: { name: 'edit' },
    rules: [
      {
        apiGroups: [''],
        resources: ['pods', 'configmaps', 'serviceaccounts'],
        verbs: ['get', 'list', 'create', 'update', 'patch', 'delete'],
      },
    ],
  },
  {
    metadata: { name: 'system:discovery' },
    rules: [{ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version'], verbs: ['get'] }],
  },
  { metadata: { name: 'node-reader' }, rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list'] }] },
  { metadata: { name: 'scaler' }, rules: [{ apiGroups: ['apps'], resources: ['*/scale'], verbs: ['update'] }] },
]
const roles: RoleObject[] = [
  {
    metadata: { name: 'cm-one', namespace: 'team-b' },
    rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'update'], resourceNames: ['settings'] }],
  },
  {
    metadata: { name: 'logs', namespace: 'team-b' },
    rules: [{ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }],
  },
]
export const rbac = createArrayRbacSource({
  clusterRoles,
  roles,
  clusterRoleBindings: [
    crb('cluster-admin', 'cluster-admin', [{ kind: 'Group', name: 'system:masters' }]),
    crb('system:discovery', 'system:discovery', [{ kind: 'Group', name: 'system:authenticated' }]),
    crb('alice-nodes', 'node-reader', [{ kind: 'User', name: 'alice' }]),
    crb('scaler', 'scaler', [{ kind: 'ServiceAccount', name: 'hpa', namespace: 'kube-system' }]),
  ],
  roleBindings: [
    rb('team-a', 'team-a-devs-edit', 'ClusterRole', 'edit', [{ kind: 'Group', name: 'team-a-devs' }]),
    rb('team-b', 'settings', 'Role', 'cm-one', [{ kind: 'User', name: 'bob' }]),
    rb('team-b', 'logs', 'Role', 'logs', [{ kind: 'ServiceAccount', name: 'ci' }]),
  ],
})

export const user = (username: string, ...groups: string[]): UserInfo => ({
  username,
  groups: [...groups, 'system:authenticated'],
})
export const res = (
  verb: string,
  resource: string,
  namespace?: string,
  name?: string,
  extra: Partial<RequestAttributes> = {},
): RequestAttributes =>
  ({ kind: 'resource', verb, apiGroup: '', resource, namespace, name, ...extra }) as RequestAttributes
export const nsScope = (...namespaces: string[]): AccessPolicyGrant['scope'] => ({ type: 'namespace', namespaces })
