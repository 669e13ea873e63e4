import { buildEscalationCleanupRows } from './conformance-rows-escalation'
import { buildKubeRows } from './conformance-rows-kube'
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

/** The smoke subset: every setup and cleanup row plus the rows marked `smoke`. */
export function selectSmokeRows(rows: ConformanceRow[]): ConformanceRow[] {
  return rows.filter((r) => r.smoke || r.area === 'setup' || r.area === 'cleanup')
}

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
      title: 'create-access-entry for the role (STANDARD) with a Kubernetes group',
      smoke: true,
      tool: 'aws',
      as: 'admin',
      args: eks(
        'create-access-entry',
        '--cluster-name',
        '{cluster}',
        '--principal-arn',
        DEV_ROLE,
        '--kubernetes-groups',
        '{prefix}-rbac-writers',
      ),
      expect: { exit: 0, stdout: ['"type": "STANDARD"', `"principalArn": "${DEV_ROLE}"`, '"{prefix}-rbac-writers"'] },
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
      smoke: true,
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
      chain: 'iam',
      title: 'a principal without an identity-policy Allow cannot assume a root-trusting role',
      smoke: true,
      tool: 'aws',
      as: 'limited',
      args: ['sts', 'assume-role', '--role-arn', DEV_ROLE, '--role-session-name', 'conformance'],
      expect: { exit: 'fail', error: 'AccessDenied' },
    },
    {
      area: 'iam-policies',
      chain: 'iam',
      title: 'a principal without eks:DeleteAccessEntry is refused',
      tool: 'aws',
      as: 'limited',
      args: eks('delete-access-entry', '--cluster-name', '{cluster}', '--principal-arn', DEV_ROLE),
      expect: { exit: 'fail', error: 'AccessDeniedException' },
    },
    ...buildKubeRows(),
    // --- Pod Identity ----------------------------------------------------------------------------------------
    {
      area: 'pod-identity',
      chain: 'pod-identity',
      title: 'create-pod-identity-association',
      smoke: true,
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
      chain: 'pod-identity',
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
      chain: 'pod-identity',
      title: 'list-pod-identity-associations filters by service account',
      tool: 'aws',
      as: 'admin',
      args: eks('list-pod-identity-associations', '--cluster-name', '{cluster}', '--service-account', '{prefix}-sa'),
      expect: { exit: 0, stdout: ['"serviceAccount": "{prefix}-sa"'] },
    },
    {
      area: 'pod-identity',
      chain: 'pod-identity',
      title: 'delete-pod-identity-association',
      smoke: true,
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
      chain: 'oidc',
      title: 'describe-cluster reports the OIDC issuer',
      smoke: true,
      tool: 'aws',
      as: 'admin',
      args: eks('describe-cluster', '--name', '{cluster}', '--query', 'cluster.identity.oidc.issuer'),
      expect: { exit: 0, stdout: ['https://oidc.eks.{region}.amazonaws.com/id/'] },
    },
    {
      area: 'oidc-providers',
      chain: 'oidc',
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
      chain: 'oidc',
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
      chain: 'oidc',
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
    ...buildEscalationCleanupRows(),
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
