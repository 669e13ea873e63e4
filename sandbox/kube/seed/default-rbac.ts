// The RBAC objects every EKS cluster starts with: kube-apiserver's bootstrap policy (cluster-admin, the aggregated
// admin/edit/view roles and their system:aggregate-to-* parts, system:basic-user, system:discovery,
// system:public-info-viewer) and the EKS additions (eks:node-bootstrapper bound to system:bootstrappers/system:nodes).
import { computeAggregatedRules } from '../aggregation'
import type { KubeObject, PolicyRule } from '../types'
import { ADMIN_RULES, EDIT_RULES, VIEW_RULES } from './default-rbac-rules'
import { buildStableUid, formatSeedTime } from './seed-random'

const RBAC_GROUP = 'rbac.authorization.k8s.io'
const RBAC_V1 = `${RBAC_GROUP}/v1`
const BOOTSTRAP_AGE = 60 * 24 * 200

function buildClusterRole(
  name: string,
  rules: PolicyRule[],
  labels: Record<string, string> = {},
  aggregateTo?: string,
): KubeObject {
  const role: KubeObject = {
    apiVersion: RBAC_V1,
    kind: 'ClusterRole',
    metadata: {
      name,
      uid: buildStableUid(`clusterrole/${name}`),
      creationTimestamp: formatSeedTime(BOOTSTRAP_AGE),
      labels: name.startsWith('eks:')
        ? { 'eks.amazonaws.com/component': 'node', ...labels }
        : { 'kubernetes.io/bootstrapping': 'rbac-defaults', ...labels },
      annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
    },
    rules,
  }
  if (aggregateTo)
    role.aggregationRule = {
      clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${aggregateTo}`]: 'true' } }],
    }
  return role
}

/** A binding object; `kind` decides ClusterRoleBinding vs RoleBinding (give a namespace for the latter). */
export function buildBinding(
  kind: 'ClusterRoleBinding' | 'RoleBinding',
  name: string,
  roleRef: { kind: 'ClusterRole' | 'Role'; name: string },
  subjects: { kind: 'User' | 'Group' | 'ServiceAccount'; name: string; namespace?: string }[],
  namespace?: string,
  ageMinutes = BOOTSTRAP_AGE,
): KubeObject {
  return {
    apiVersion: RBAC_V1,
    kind,
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      uid: buildStableUid(`${kind}/${namespace ?? ''}/${name}`),
      creationTimestamp: formatSeedTime(ageMinutes),
    },
    roleRef: { apiGroup: RBAC_GROUP, ...roleRef },
    subjects: subjects.map((s) => (s.kind === 'ServiceAccount' ? s : { apiGroup: RBAC_GROUP, ...s })),
  }
}

/** The bootstrap ClusterRoles, with admin/edit/view rules already aggregated (as the controller would have). */
export function buildDefaultClusterRoles(): KubeObject[] {
  const roles: KubeObject[] = [
    buildClusterRole('cluster-admin', [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ]),
    buildClusterRole('admin', [], {}, 'admin'),
    buildClusterRole('edit', [], { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, 'edit'),
    buildClusterRole('view', [], { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, 'view'),
    buildClusterRole('system:aggregate-to-admin', ADMIN_RULES, {
      'rbac.authorization.k8s.io/aggregate-to-admin': 'true',
    }),
    buildClusterRole('system:aggregate-to-edit', EDIT_RULES, { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }),
    buildClusterRole('system:aggregate-to-view', VIEW_RULES, { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }),
    buildClusterRole('system:basic-user', [
      {
        apiGroups: ['authorization.k8s.io'],
        resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
        verbs: ['create'],
      },
      { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
    ]),
    buildClusterRole('system:discovery', [
      {
        nonResourceURLs: [
          '/api',
          '/api/*',
          '/apis',
          '/apis/*',
          '/healthz',
          '/livez',
          '/openapi',
          '/openapi/*',
          '/readyz',
          '/version',
          '/version/',
        ],
        verbs: ['get'],
      },
    ]),
    buildClusterRole('system:public-info-viewer', [
      { nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] },
    ]),
    buildClusterRole('system:node', [
      {
        apiGroups: [''],
        resources: ['nodes', 'nodes/status', 'pods', 'pods/status'],
        verbs: ['get', 'list', 'watch', 'create', 'update', 'patch'],
      },
    ]),
    buildClusterRole('eks:node-bootstrapper', [
      {
        apiGroups: ['certificates.k8s.io'],
        resources: ['certificatesigningrequests/selfnodeclient'],
        verbs: ['create'],
      },
    ]),
    buildClusterRole('eks:podsecuritypolicy:privileged', [
      { apiGroups: ['policy'], resources: ['podsecuritypolicies'], resourceNames: ['eks.privileged'], verbs: ['use'] },
    ]),
  ]
  const aggregated = computeAggregatedRules(roles as never[])
  for (const role of roles) if (role.aggregationRule) role.rules = aggregated.get(role.metadata.name) ?? []
  return roles
}

/** The bootstrap ClusterRoleBindings. */
export function buildDefaultClusterRoleBindings(): KubeObject[] {
  return [
    buildBinding('ClusterRoleBinding', 'cluster-admin', { kind: 'ClusterRole', name: 'cluster-admin' }, [
      { kind: 'Group', name: 'system:masters' },
    ]),
    buildBinding('ClusterRoleBinding', 'system:basic-user', { kind: 'ClusterRole', name: 'system:basic-user' }, [
      { kind: 'Group', name: 'system:authenticated' },
    ]),
    buildBinding('ClusterRoleBinding', 'system:discovery', { kind: 'ClusterRole', name: 'system:discovery' }, [
      { kind: 'Group', name: 'system:authenticated' },
    ]),
    buildBinding(
      'ClusterRoleBinding',
      'system:public-info-viewer',
      { kind: 'ClusterRole', name: 'system:public-info-viewer' },
      [
        { kind: 'Group', name: 'system:authenticated' },
        { kind: 'Group', name: 'system:unauthenticated' },
      ],
    ),
    buildBinding(
      'ClusterRoleBinding',
      'eks:node-bootstrapper',
      { kind: 'ClusterRole', name: 'eks:node-bootstrapper' },
      [
        { kind: 'Group', name: 'system:bootstrappers' },
        { kind: 'Group', name: 'system:nodes' },
      ],
    ),
    buildBinding(
      'ClusterRoleBinding',
      'eks:podsecuritypolicy:authenticated',
      { kind: 'ClusterRole', name: 'eks:podsecuritypolicy:privileged' },
      [{ kind: 'Group', name: 'system:authenticated' }],
    ),
  ]
}
