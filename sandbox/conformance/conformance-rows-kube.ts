import { buildEscalationRows } from './conformance-rows-escalation'
import type { ConformanceRow } from './conformance-types'

// The conformance rows of the token/kubeconfig flow and of Kubernetes authorization (RBAC through access policies,
// aws-auth). They run after the access-entry rows created the developer role's entry with AmazonEKSViewPolicy on
// `{namespace}` and the group `{prefix}-rbac-writers`.

const DEV_ROLE = 'arn:aws:iam::{account}:role/{prefix}-dev'
const eks = (...args: string[]) => ['eks', '--region', '{region}', ...args]

/** The Kubernetes-side rows, in order. */
export function buildKubeRows(): ConformanceRow[] {
  return [
    // --- token and kubeconfig --------------------------------------------------------------------------------
    {
      area: 'token',
      title: 'update-kubeconfig for the role (exec: aws eks get-token --role-arn)',
      smoke: true,
      tool: 'aws',
      as: 'admin',
      args: eks('update-kubeconfig', '--name', '{cluster}', '--kubeconfig', '{dir}/dev.yaml', '--role-arn', DEV_ROLE),
      expect: { exit: 0 },
    },
    {
      area: 'token',
      title: 'update-kubeconfig for the caller itself',
      smoke: true,
      tool: 'aws',
      as: 'admin',
      args: eks('update-kubeconfig', '--name', '{cluster}', '--kubeconfig', '{dir}/admin.yaml'),
      expect: { exit: 0 },
    },
    {
      area: 'token',
      title: 'get-token returns an ExecCredential',
      tool: 'aws',
      as: 'admin',
      args: eks('get-token', '--cluster-name', '{cluster}'),
      expect: { exit: 0, stdout: ['"kind": "ExecCredential"', 'k8s-aws-v1.'] },
    },
    {
      area: 'token',
      title: 'kubectl auth whoami maps the session to the entry username',
      tool: 'kubectl',
      as: 'kube-dev',
      args: ['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'],
      expect: { exit: 0, stdout: ['arn:aws:sts::{account}:assumed-role/{prefix}-dev/'] },
    },
    // --- RBAC through access policies ------------------------------------------------------------------------
    {
      area: 'rbac',
      title: 'the view policy lets the role list pods in its namespace',
      tool: 'kubectl',
      as: 'kube-dev',
      args: ['auth', 'can-i', 'list', 'pods', '-n', '{namespace}'],
      expect: { exit: 0, stdout: ['yes'] },
    },
    {
      area: 'rbac',
      title: 'but not create configmaps there (view is read-only)',
      tool: 'kubectl',
      as: 'kube-dev',
      args: ['create', 'configmap', '{prefix}-cm', '-n', '{namespace}'],
      expect: { exit: 'fail', error: 'is forbidden: User' },
    },
    {
      area: 'rbac',
      title: 'nor list pods in another namespace',
      smoke: true,
      tool: 'kubectl',
      as: 'kube-dev',
      args: ['get', 'pods', '-n', '{otherNamespace}'],
      expect: { exit: 'fail', error: 'is forbidden: User' },
    },
    {
      area: 'rbac',
      title: 'the cluster creator / admin entry may do anything',
      tool: 'kubectl',
      as: 'kube-admin',
      args: ['auth', 'can-i', '*', '*'],
      expect: { exit: 0, stdout: ['yes'] },
    },
    {
      area: 'rbac',
      title: 'the default cluster-admin ClusterRoleBinding exists',
      tool: 'kubectl',
      as: 'kube-admin',
      args: ['get', 'clusterrolebindings', '-o', 'name'],
      expect: { exit: 0, stdout: ['clusterrolebinding.rbac.authorization.k8s.io/cluster-admin'] },
    },
    // --- aws-auth --------------------------------------------------------------------------------------------
    {
      area: 'aws-auth',
      title: 'the aws-auth ConfigMap maps roles (API_AND_CONFIG_MAP cluster)',
      smoke: true,
      tool: 'kubectl',
      as: 'kube-admin',
      args: ['get', 'configmap', 'aws-auth', '-n', 'kube-system', '-o', 'jsonpath={.data.mapRoles}'],
      expect: { exit: 0, stdout: ['rolearn'] },
      sandboxOnly: true,
    },
    // --- watch ------------------------------------------------------------------------------------------------
    {
      area: 'watch',
      title: 'a watch without resourceVersion starts with the current objects as ADDED',
      tool: 'kubectl',
      as: 'kube-admin',
      args: ['get', '--raw', '/api/v1/namespaces?watch=true&timeoutSeconds=1'],
      expect: { exit: 0, stdout: ['"type":"ADDED"', '"name":"kube-system"'] },
    },
    {
      area: 'watch',
      title: 'watching pods is authorized as the watch verb, by namespace',
      tool: 'kubectl',
      as: 'kube-dev',
      args: ['get', '--raw', '/api/v1/namespaces/{otherNamespace}/pods?watch=true&timeoutSeconds=1'],
      expect: { exit: 'fail', error: 'cannot watch resource "pods"' },
    },
    ...buildEscalationRows(),
  ]
}
