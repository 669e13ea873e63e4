// The CLI equivalent of every workload-identity change (every change shows its command).
import { formatShellCommand } from '@/lib/access/cli-commands'

import { compactSessionPolicy } from './session-policy-text'

type Cluster = { region: string; name: string }

const eks = (operation: string, c: Cluster) => ['aws', 'eks', operation, '--region', c.region, '--cluster-name', c.name]

/** `aws eks create-pod-identity-association …` */
export function createPodIdentityCommand(
  c: Cluster,
  input: {
    namespace: string
    serviceAccount: string
    roleArn: string
    targetRoleArn?: string
    disableSessionTags?: boolean
    /** The session policy as typed; echoed compacted (what the console sends). */
    policy?: string
  },
): string {
  const argv = [...eks('create-pod-identity-association', c), '--namespace', input.namespace]
  argv.push('--service-account', input.serviceAccount, '--role-arn', input.roleArn || '<role-arn>')
  if (input.targetRoleArn) argv.push('--target-role-arn', input.targetRoleArn)
  if (input.disableSessionTags) argv.push('--disable-session-tags')
  if (input.policy?.trim()) argv.push('--policy', compactSessionPolicy(input.policy))
  return formatShellCommand(argv, { multiline: true })
}

/**
 * `aws eks update-pod-identity-association …`; an empty target role removes the cross-account hop, and a blank
 * policy on an association that has one removes it with `--policy ''` (aws CLI 1.45 sends that as `"policy": ""`).
 */
export function updatePodIdentityCommand(
  c: Cluster,
  input: {
    associationId: string
    roleArn: string
    targetRoleArn: string
    disableSessionTags: boolean
    policy?: string
    /** Whether the association has a session policy now (a blank one then means removing it). */
    hadPolicy?: boolean
  },
): string {
  const argv = [...eks('update-pod-identity-association', c), '--association-id', input.associationId]
  argv.push('--role-arn', input.roleArn, '--target-role-arn', input.targetRoleArn)
  argv.push(input.disableSessionTags ? '--disable-session-tags' : '--no-disable-session-tags')
  if (input.policy?.trim()) argv.push('--policy', compactSessionPolicy(input.policy))
  else if (input.hadPolicy) argv.push('--policy', '')
  return formatShellCommand(argv, { multiline: true })
}

/** `aws eks delete-pod-identity-association …` */
export function deletePodIdentityCommand(c: Cluster, associationId: string): string {
  return formatShellCommand([...eks('delete-pod-identity-association', c), '--association-id', associationId], {
    multiline: true,
  })
}

/** The IRSA annotation keys the pod identity webhook reads (docs/irsa.md#annotations). */
export const IRSA_ANNOTATIONS = {
  roleArn: 'eks.amazonaws.com/role-arn',
  audience: 'eks.amazonaws.com/audience',
  stsRegionalEndpoints: 'eks.amazonaws.com/sts-regional-endpoints',
  tokenExpiration: 'eks.amazonaws.com/token-expiration',
} as const

/**
 * `kubectl annotate serviceaccount …`: `key=value` sets, `key-` removes; `--resource-version` makes kubectl refuse
 * when someone changed the service account meanwhile, like the console does.
 */
export function annotateServiceAccountCommand(
  input: { namespace: string; name: string; resourceVersion?: string },
  annotations: Record<string, string | null>,
): string {
  // The annotations come before the flags so that, wrapped, no annotation looks like the value of a flag.
  const argv = ['kubectl', 'annotate', 'serviceaccount', input.name]
  for (const [key, value] of Object.entries(annotations)) argv.push(value === null ? `${key}-` : `${key}=${value}`)
  argv.push('--namespace', input.namespace, '--overwrite')
  if (input.resourceVersion) argv.push(`--resource-version=${input.resourceVersion}`)
  return formatShellCommand(argv)
}

/** `kubectl create serviceaccount …` */
export function createServiceAccountCommand(namespace: string, name: string): string {
  return formatShellCommand(['kubectl', 'create', 'serviceaccount', name, '--namespace', namespace])
}

/** `aws iam update-assume-role-policy …` with the new policy in a file (the shell would mangle inline JSON). */
export function updateTrustPolicyCommand(roleName: string): string {
  return formatShellCommand(
    [
      'aws',
      'iam',
      'update-assume-role-policy',
      '--role-name',
      roleName,
      '--policy-document',
      'file://trust-policy.json',
    ],
    { multiline: true },
  )
}

/** `aws iam create-open-id-connect-provider …` for a cluster's issuer, audience sts.amazonaws.com. */
export function createOidcProviderCommand(issuerUrl: string): string {
  return formatShellCommand(
    ['aws', 'iam', 'create-open-id-connect-provider', '--url', issuerUrl, '--client-id-list', 'sts.amazonaws.com'],
    { multiline: true },
  )
}

/** `aws iam add-client-id-to-open-id-connect-provider …`: the token audience a provider lacks. */
export function addClientIdCommand(providerArn: string, audience: string): string {
  return formatShellCommand(
    [
      'aws',
      'iam',
      'add-client-id-to-open-id-connect-provider',
      '--open-id-connect-provider-arn',
      providerArn,
      '--client-id',
      audience,
    ],
    { multiline: true },
  )
}

/** `aws iam create-role …` with the trust policy in a file. */
export function createRoleCommand(roleName: string): string {
  return formatShellCommand(
    ['aws', 'iam', 'create-role', '--role-name', roleName, '--assume-role-policy-document', 'file://trust-policy.json'],
    { multiline: true },
  )
}

/** `aws eks create-addon … eks-pod-identity-agent` */
export function createAgentAddonCommand(c: Cluster): string {
  return formatShellCommand([...eks('create-addon', c), '--addon-name', 'eks-pod-identity-agent'], { multiline: true })
}
