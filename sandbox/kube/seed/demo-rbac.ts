// The RBAC a platform team adds on top of the bootstrap roles (issue 14: realistic RBAC for the effective-access
// analyzer to explain): a CRD's viewer role aggregated into view/edit/admin, an aggregated ops role built from two
// parts, a namespaced Role bound to a templated access-entry username and to a service account, a risky
// cluster-wide secrets reader, a kube-system binding for a group only a shadowed aws-auth row carries, and a binding
// to a ClusterRole that does not exist. Group names are ones no seeded principal relies on being refused.
import type { KubeObject, PolicyRule } from '../types'
import { buildBinding } from './default-rbac'
import { buildStableUid, formatSeedTime } from './seed-random'

const RBAC_V1 = 'rbac.authorization.k8s.io/v1'
const AGE = 60 * 24 * 60

/** The extra RBAC objects of one demo cluster. */
export interface ExtraRbac {
  clusterRoles: KubeObject[]
  roles: KubeObject[]
  clusterRoleBindings: KubeObject[]
  roleBindings: KubeObject[]
}

function buildRole(
  kind: 'ClusterRole' | 'Role',
  name: string,
  rules: PolicyRule[],
  opts: { namespace?: string; labels?: Record<string, string>; aggregateLabel?: string } = {},
): KubeObject {
  return {
    apiVersion: RBAC_V1,
    kind,
    metadata: {
      name,
      ...(opts.namespace ? { namespace: opts.namespace } : {}),
      uid: buildStableUid(`${kind}/${opts.namespace ?? ''}/${name}`),
      creationTimestamp: formatSeedTime(AGE),
      labels: opts.labels ?? {},
    },
    rules,
    ...(opts.aggregateLabel
      ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [opts.aggregateLabel]: 'true' } }] } }
      : {}),
  }
}

const OPS_PART = 'rbac.example.com/aggregate-to-platform-ops'

/** prod-web's platform RBAC. */
export function buildProdWebRbac(): ExtraRbac {
  return {
    clusterRoles: [
      // A CRD's read access, aggregated into the built-in view (and so edit and admin) by the standard label.
      buildRole(
        'ClusterRole',
        'orders-crd-viewer',
        [
          {
            apiGroups: ['orders.example.com'],
            resources: ['orders', 'orders/status'],
            verbs: ['get', 'list', 'watch'],
          },
        ],
        { labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } },
      ),
      // platform-ops = platform-ops-nodes ∪ platform-ops-debug (the aggregation controller fills its rules).
      buildRole('ClusterRole', 'platform-ops', [], { aggregateLabel: OPS_PART }),
      buildRole(
        'ClusterRole',
        'platform-ops-nodes',
        [
          { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] },
        ],
        { labels: { [OPS_PART]: 'true' } },
      ),
      buildRole(
        'ClusterRole',
        'platform-ops-debug',
        [
          { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] },
          { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] },
        ],
        { labels: { [OPS_PART]: 'true' } },
      ),
      buildRole('ClusterRole', 'secret-reader', [
        { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
      ]),
      buildRole('ClusterRole', 'metrics-reader', [{ nonResourceURLs: ['/metrics', '/metrics/*'], verbs: ['get'] }]),
    ],
    roles: [
      buildRole(
        'Role',
        'configmap-editor',
        [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'update', 'patch'] }],
        {
          namespace: 'orders',
        },
      ),
      buildRole(
        'Role',
        'settings-reader',
        [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['orders-settings'], verbs: ['get'] }],
        { namespace: 'orders' },
      ),
    ],
    clusterRoleBindings: [
      buildBinding(
        'ClusterRoleBinding',
        'platform-ops',
        { kind: 'ClusterRole', name: 'platform-ops' },
        [{ kind: 'Group', name: 'platform-ops' }],
        undefined,
        AGE,
      ),
      // Risky: every Secret of the cluster, for the CI group of a role that was deleted from IAM.
      buildBinding(
        'ClusterRoleBinding',
        'ci-secret-reader',
        { kind: 'ClusterRole', name: 'secret-reader' },
        [{ kind: 'Group', name: 'ci-deployers' }],
        undefined,
        AGE,
      ),
      buildBinding(
        'ClusterRoleBinding',
        'prometheus-metrics',
        { kind: 'ClusterRole', name: 'metrics-reader' },
        [{ kind: 'ServiceAccount', name: 'prometheus', namespace: 'analytics' }],
        undefined,
        AGE,
      ),
    ],
    roleBindings: [
      // TeamBDeveloper's entry username is team-b:{{SessionName}}; this binds the session `aws eks get-token` uses.
      buildBinding(
        'RoleBinding',
        'team-b-configmaps',
        { kind: 'Role', name: 'configmap-editor' },
        [{ kind: 'User', name: 'team-b:EKSGetTokenAuth' }],
        'orders',
        AGE,
      ),
      buildBinding(
        'RoleBinding',
        'orders-api-settings',
        { kind: 'Role', name: 'settings-reader' },
        [{ kind: 'ServiceAccount', name: 'orders-api' }],
        'orders',
        AGE,
      ),
      // Risky: edit in kube-system for a group only the aws-auth row shadowed by TeamBDeveloper's entry carries.
      buildBinding(
        'RoleBinding',
        'legacy-kube-system-edit',
        { kind: 'ClusterRole', name: 'edit' },
        [{ kind: 'Group', name: 'team-b-legacy' }],
        'kube-system',
        AGE,
      ),
      // The ClusterRole was never created (or was deleted): the binding grants nothing.
      buildBinding(
        'RoleBinding',
        'billing-deployer',
        { kind: 'ClusterRole', name: 'billing-deployer' },
        [{ kind: 'Group', name: 'team-b-devs' }],
        'billing',
        AGE,
      ),
    ],
  }
}

/** legacy-batch's extra RBAC: the SSO DevOps group may read pods everywhere; a read-only ops role by aggregation. */
export function buildLegacyBatchRbac(): ExtraRbac {
  return {
    clusterRoles: [
      buildRole('ClusterRole', 'batch-ops', [], { aggregateLabel: OPS_PART }),
      buildRole(
        'ClusterRole',
        'batch-ops-jobs',
        [{ apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['get', 'list', 'delete'] }],
        {
          labels: { [OPS_PART]: 'true' },
        },
      ),
    ],
    roles: [],
    clusterRoleBindings: [
      buildBinding(
        'ClusterRoleBinding',
        'batch-ops',
        { kind: 'ClusterRole', name: 'batch-ops' },
        [{ kind: 'Group', name: 'batch-ops' }],
        undefined,
        AGE,
      ),
    ],
    roleBindings: [
      buildBinding(
        'RoleBinding',
        'sso-devops-batch-view',
        { kind: 'ClusterRole', name: 'view' },
        [{ kind: 'Group', name: 'team-b-devs' }],
        'batch',
        AGE,
      ),
    ],
  }
}
