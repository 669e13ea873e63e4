// Rules of the user-facing access policies. EKS documents them as mirrors of the Kubernetes user-facing ClusterRoles
// (cluster-admin, admin, edit, view; access-policy-reference in the EKS user guide). The lists below follow the
// aggregated `admin`/`edit`/`view` roles of Kubernetes 1.30 (plugin/pkg/auth/authorizer/rbac/bootstrappolicy), with
// the differences EKS states: Edit has no rbac roles/rolebindings and no localsubjectaccessreviews; View has no
// secrets. Kubernetes removed `endpoints` writes from `edit` in 1.22 (CVE-2021-25740), so they are absent here too.
import { ALL_RESOURCE_VERBS, defineRule, READ_VERBS, WRITE_VERBS, type PolicyRule } from './policy-rule'

/** AmazonEKSClusterAdminPolicy ≈ cluster-admin: everything, including non-resource URLs such as /metrics. */
export const clusterAdminRules: PolicyRule[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
  { nonResourceURLs: ['*'], verbs: ['*'] },
]

/** AmazonEKSAdminViewPolicy: read every resource, secrets included (EKS added it 2024-04-23 for exactly that). */
export const adminViewRules: PolicyRule[] = [{ apiGroups: ['*'], resources: ['*'], verbs: READ_VERBS }]

/** AmazonEKSViewPolicy ≈ view: read most namespaced objects; never secrets (they could hold tokens). */
export const viewRules: PolicyRule[] = [
  defineRule(
    '',
    [
      'configmaps',
      'endpoints',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'pods',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'services',
      'services/status',
    ],
    READ_VERBS,
  ),
  defineRule(
    '',
    [
      'bindings',
      'events',
      'limitranges',
      'namespaces/status',
      'pods/log',
      'pods/status',
      'replicationcontrollers/status',
      'resourcequotas',
      'resourcequotas/status',
    ],
    READ_VERBS,
  ),
  defineRule('', ['namespaces'], READ_VERBS),
  defineRule('discovery.k8s.io', ['endpointslices'], READ_VERBS),
  defineRule(
    'apps',
    [
      'controllerrevisions',
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'statefulsets',
      'statefulsets/scale',
      'statefulsets/status',
    ],
    READ_VERBS,
  ),
  defineRule('autoscaling', ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ_VERBS),
  defineRule('batch', ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ_VERBS),
  defineRule(
    'extensions',
    [
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'ingresses',
      'ingresses/status',
      'networkpolicies',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'replicationcontrollers/scale',
    ],
    READ_VERBS,
  ),
  defineRule('policy', ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ_VERBS),
  defineRule('networking.k8s.io', ['ingresses', 'ingresses/status', 'networkpolicies'], READ_VERBS),
]

/** AmazonEKSEditPolicy ≈ edit: view + write workloads, read/write secrets, impersonate service accounts. */
export const editRules: PolicyRule[] = [
  defineRule(
    '',
    ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'],
    READ_VERBS,
  ),
  defineRule('', ['serviceaccounts'], ['impersonate']),
  defineRule('', ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE_VERBS),
  defineRule('', ['pods/eviction'], ['create']),
  defineRule(
    '',
    [
      'configmaps',
      'events',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'secrets',
      'serviceaccounts',
      'services',
      'services/proxy',
    ],
    WRITE_VERBS,
  ),
  defineRule('', ['serviceaccounts/token'], ['create']),
  defineRule(
    'apps',
    [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'replicasets',
      'replicasets/scale',
      'statefulsets',
      'statefulsets/scale',
    ],
    WRITE_VERBS,
  ),
  defineRule('autoscaling', ['horizontalpodautoscalers'], WRITE_VERBS),
  defineRule('batch', ['cronjobs', 'jobs'], WRITE_VERBS),
  defineRule(
    'extensions',
    [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'ingresses',
      'networkpolicies',
      'replicasets',
      'replicasets/scale',
      'replicationcontrollers/scale',
    ],
    WRITE_VERBS,
  ),
  defineRule('policy', ['poddisruptionbudgets'], WRITE_VERBS),
  defineRule('networking.k8s.io', ['ingresses', 'networkpolicies'], WRITE_VERBS),
  ...viewRules,
]

/** AmazonEKSAdminPolicy ≈ admin: edit + manage Roles/RoleBindings + LocalSubjectAccessReview in its namespaces. */
export const adminRules: PolicyRule[] = [
  defineRule('authorization.k8s.io', ['localsubjectaccessreviews'], ['create']),
  defineRule('rbac.authorization.k8s.io', ['rolebindings', 'roles'], ALL_RESOURCE_VERBS),
  ...editRules,
]
