import type { ConformanceRow } from './conformance-types'

// The conformance table. Rows run in order (later rows use what earlier ones created) and the last rows clean up.
// Expected codes and messages are AWS's and Kubernetes' own (docs/access-entries.md, docs/pod-identity.md).

const trustRoot = (account: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }],
  })

const trustPods = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
  ],
})

const DEV_ROLE = 'arn:aws:iam::{account}:role/{prefix}-dev'
const VIEW = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy'
const eks = (...args: string[]) => ['eks', '--region', '{region}', ...args]

/** Builds the rows; the account is needed inside JSON documents, where placeholders are not filled. */
export function buildConformanceRows(account: string): ConformanceRow[] {
  return [
    // --- setup -----------------------------------------------------------------------------------------------
    {
      area: 'setup',
      title: 'create a developer role trusting the account',
      tool: 'aws',
      as: 'admin',
      args: ['iam', 'create-role', '--role-name', '{prefix}-dev', '--assume-role-policy-document', trustRoot(account)],
      expect: { exit: 0, stdout: [`"Arn": "${DEV_ROLE}"`] },
    },
    {
      area: 'setup',
      title: 'create a Pod Identity role trusting pods.eks.amazonaws.com',
      tool: 'aws',
      as: 'admin',
      args: ['iam', 'create-role', '--role-name', '{prefix}-pods', '--assume-role-policy-document', trustPods],
      expect: { exit: 0 },
    },
    // --- access entries --------------------------------------------------------------------------------------
    {
      area: 'access-entries',
      title: 'create-access-entry for the role (STANDARD)',
      tool: 'aws',
      as: 'admin',
      args: eks('create-access-entry', '--cluster-name', '{cluster}', '--principal-arn', DEV_ROLE),
      expect: { exit: 0, stdout: ['"type": "STANDARD"', `"principalArn": "${DEV_ROLE}"`] },
    },
    {
      area: 'access-entries',
      title: 'the same entry again → ResourceInUseException',
      tool: 'aws',
      as: 'admin',
      args: eks('create-access-entry', '--cluster-name', '{cluster}', '--principal-arn', DEV_ROLE),
      expect: { exit: 'fail', error: 'ResourceInUseException' },
    },
    {
      area: 'access-entries',
      title: 'describe-access-entry shows the default role username',
      tool: 'aws',
      as: 'admin',
      args: eks('describe-access-entry', '--cluster-name', '{cluster}', '--principal-arn', DEV_ROLE),
      expect: { exit: 0, stdout: ['"username": "arn:aws:sts::{account}:assumed-role/{prefix}-dev/{{SessionName}}"'] },
    },
    {
      area: 'access-entries',
      title: 'a system: group → InvalidParameterException',
      tool: 'aws',
      as: 'admin',
      args: eks(
        'update-access-entry',
        '--cluster-name',
        '{cluster}',
        '--principal-arn',
        DEV_ROLE,
        '--kubernetes-groups',
        'system:masters',
      ),
      expect: { exit: 'fail', error: 'InvalidParameterException' },
    },
    {
      area: 'access-entries',
      title: 'an entry that does not exist → ResourceNotFoundException',
      tool: 'aws',
      as: 'admin',
      args: eks('describe-access-entry', '--cluster-name', '{cluster}', '--principal-arn', `${DEV_ROLE}-none`),
      expect: { exit: 'fail', error: 'ResourceNotFoundException' },
    },
    {
      area: 'access-entries',
      title: 'access entries on a CONFIG_MAP cluster → InvalidRequestException',
      tool: 'aws',
      as: 'admin',
      args: eks('list-access-entries', '--cluster-name', '{configMapCluster}'),
      expect: { exit: 'fail', error: 'InvalidRequestException' },
    },
    // --- access policies -------------------------------------------------------------------------------------
    {
      area: 'access-policies',
      title: 'list-access-policies includes the cluster admin policy',
      tool: 'aws',
      as: 'admin',
      args: eks('list-access-policies'),
      expect: { exit: 0, stdout: ['arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy'] },
    },
    {
      area: 'access-policies',
      title: 'associate AmazonEKSViewPolicy on one namespace',
      tool: 'aws',
      as: 'admin',
      args: eks(
        'associate-access-policy',
        '--cluster-name',
        '{cluster}',
        '--principal-arn',
        DEV_ROLE,
        '--policy-arn',
        VIEW,
        '--access-scope',
        'type=namespace,namespaces={namespace}',
      ),
      expect: { exit: 0, stdout: [`"policyArn": "${VIEW}"`] },
    },
    {
      area: 'access-policies',
      title: 'list-associated-access-policies shows the namespace scope',
      tool: 'aws',
      as: 'admin',
      args: eks('list-associated-access-policies', '--cluster-name', '{cluster}', '--principal-arn', DEV_ROLE),
      expect: { exit: 0, stdout: ['"type": "namespace"', '"{namespace}"'] },
    },
    // --- IAM identity policies -------------------------------------------------------------------------------
    {
      area: 'iam-policies',
      title: 'a principal without an identity-policy Allow cannot assume a root-trusting role',
      tool: 'aws',
      as: 'limited',
      args: ['sts', 'assume-role', '--role-arn', DEV_ROLE, '--role-session-name', 'conformance'],
      expect: { exit: 'fail', error: 'AccessDenied' },
    },
    {
      area: 'iam-policies',
      title: 'a principal without eks:DeleteAccessEntry is refused',
      tool: 'aws',
      as: 'limited',
      args: eks('delete-access-entry', '--cluster-name', '{cluster}', '--principal-arn', DEV_ROLE),
      expect: { exit: 'fail', error: 'AccessDeniedException' },
    },
    // --- token and kubeconfig --------------------------------------------------------------------------------
    {
      area: 'token',
      title: 'update-kubeconfig for the role (exec: aws eks get-token --role-arn)',
      tool: 'aws',
      as: 'admin',
      args: eks('update-kubeconfig', '--name', '{cluster}', '--kubeconfig', '{dir}/dev.yaml', '--role-arn', DEV_ROLE),
      expect: { exit: 0 },
    },
    {
      area: 'token',
      title: 'update-kubeconfig for the caller itself',
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
    // --- watch and escalation: rows for the Kubernetes side go here ------------------------------------------
    // --- aws-auth --------------------------------------------------------------------------------------------
    {
      area: 'aws-auth',
      title: 'the aws-auth ConfigMap maps roles (API_AND_CONFIG_MAP cluster)',
      tool: 'kubectl',
      as: 'kube-admin',
      args: ['get', 'configmap', 'aws-auth', '-n', 'kube-system', '-o', 'jsonpath={.data.mapRoles}'],
      expect: { exit: 0, stdout: ['rolearn'] },
      sandboxOnly: true,
    },
    // --- Pod Identity ----------------------------------------------------------------------------------------
    {
      area: 'pod-identity',
      title: 'create-pod-identity-association',
      tool: 'aws',
      as: 'admin',
      args: eks(
        'create-pod-identity-association',
        '--cluster-name',
        '{cluster}',
        '--namespace',
        '{namespace}',
        '--service-account',
        '{prefix}-sa',
        '--role-arn',
        'arn:aws:iam::{account}:role/{prefix}-pods',
      ),
      expect: { exit: 0, stdout: ['"serviceAccount": "{prefix}-sa"'] },
      capture: { name: 'associationId', pattern: /"associationId": "([^"]+)"/ },
    },
    {
      area: 'pod-identity',
      title: 'the same service account again → ResourceInUseException',
      tool: 'aws',
      as: 'admin',
      args: eks(
        'create-pod-identity-association',
        '--cluster-name',
        '{cluster}',
        '--namespace',
        '{namespace}',
        '--service-account',
        '{prefix}-sa',
        '--role-arn',
        'arn:aws:iam::{account}:role/{prefix}-pods',
      ),
      expect: { exit: 'fail', error: 'ResourceInUseException' },
    },
    {
      area: 'pod-identity',
      title: 'list-pod-identity-associations filters by service account',
      tool: 'aws',
      as: 'admin',
      args: eks('list-pod-identity-associations', '--cluster-name', '{cluster}', '--service-account', '{prefix}-sa'),
      expect: { exit: 0, stdout: ['"serviceAccount": "{prefix}-sa"'] },
    },
    {
      area: 'pod-identity',
      title: 'delete-pod-identity-association',
      tool: 'aws',
      as: 'admin',
      args: eks(
        'delete-pod-identity-association',
        '--cluster-name',
        '{cluster}',
        '--association-id',
        '{associationId}',
      ),
      expect: { exit: 0 },
    },
    // --- IRSA and OIDC providers -----------------------------------------------------------------------------
    {
      area: 'irsa',
      title: 'describe-cluster reports the OIDC issuer',
      tool: 'aws',
      as: 'admin',
      args: eks('describe-cluster', '--name', '{cluster}', '--query', 'cluster.identity.oidc.issuer'),
      expect: { exit: 0, stdout: ['https://oidc.eks.{region}.amazonaws.com/id/'] },
    },
    {
      area: 'oidc-providers',
      title: 'create-open-id-connect-provider',
      tool: 'aws',
      as: 'admin',
      args: [
        'iam',
        'create-open-id-connect-provider',
        '--url',
        'https://{prefix}.example.com',
        '--client-id-list',
        'sts.amazonaws.com',
        '--thumbprint-list',
        '9e99a48a9960b14926bb7f3b02e22da2b0ab7280',
      ],
      expect: { exit: 0, stdout: ['oidc-provider/{prefix}.example.com'] },
    },
    {
      area: 'oidc-providers',
      title: 'the same issuer again → EntityAlreadyExists',
      tool: 'aws',
      as: 'admin',
      args: [
        'iam',
        'create-open-id-connect-provider',
        '--url',
        'https://{prefix}.example.com',
        '--client-id-list',
        'sts.amazonaws.com',
        '--thumbprint-list',
        '9e99a48a9960b14926bb7f3b02e22da2b0ab7280',
      ],
      expect: { exit: 'fail', error: 'EntityAlreadyExists' },
    },
    {
      area: 'oidc-providers',
      title: 'delete-open-id-connect-provider',
      tool: 'aws',
      as: 'admin',
      args: [
        'iam',
        'delete-open-id-connect-provider',
        '--open-id-connect-provider-arn',
        'arn:aws:iam::{account}:oidc-provider/{prefix}.example.com',
      ],
      expect: { exit: 0 },
    },
    // --- cleanup ---------------------------------------------------------------------------------------------
    {
      area: 'cleanup',
      title: 'delete the access entry (its policies go with it)',
      tool: 'aws',
      as: 'admin',
      args: eks('delete-access-entry', '--cluster-name', '{cluster}', '--principal-arn', DEV_ROLE),
      expect: { exit: 0 },
    },
    {
      area: 'cleanup',
      title: 'delete the developer role',
      tool: 'aws',
      as: 'admin',
      args: ['iam', 'delete-role', '--role-name', '{prefix}-dev'],
      expect: { exit: 0 },
    },
    {
      area: 'cleanup',
      title: 'delete the Pod Identity role',
      tool: 'aws',
      as: 'admin',
      args: ['iam', 'delete-role', '--role-name', '{prefix}-pods'],
      expect: { exit: 0 },
    },
  ]
}
