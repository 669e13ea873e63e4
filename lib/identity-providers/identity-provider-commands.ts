// The commands equivalent to the identity-provider page's actions, as argv (formatShellCommand renders them):
// the AWS CLI for association and disassociation, and kubectl for the RoleBinding that gives an IdP group access
// (OIDC users get nothing from EKS access policies: docs/oidc-identity-providers.md#limits-and-behaviour).
import type { AssociateIdentityProviderInput } from './identity-provider-schema'

type Cluster = { region: string; name: string }

/** `aws eks associate-identity-provider-config …` with the `--oidc` structure as JSON (exact for any value). */
export function buildAssociateIdentityProviderArgs(cluster: Cluster, input: AssociateIdentityProviderInput): string[] {
  const oidc: Record<string, unknown> = {
    identityProviderConfigName: input.name,
    issuerUrl: input.issuerUrl,
    clientId: input.clientId,
  }
  for (const key of ['usernameClaim', 'usernamePrefix', 'groupsClaim', 'groupsPrefix'] as const)
    if (input[key]) oidc[key] = input[key]
  if (input.requiredClaims.length)
    oidc.requiredClaims = Object.fromEntries(input.requiredClaims.map((c) => [c.key, c.value]))
  const argv = ['aws', 'eks', 'associate-identity-provider-config', '--region', cluster.region]
  argv.push('--cluster-name', cluster.name, '--oidc', JSON.stringify(oidc))
  if (input.tags.length)
    argv.push('--tags', JSON.stringify(Object.fromEntries(input.tags.map((t) => [t.key, t.value]))))
  return argv
}

/** `aws eks disassociate-identity-provider-config …`. */
export function buildDisassociateIdentityProviderArgs(cluster: Cluster, name: string): string[] {
  return [
    'aws',
    'eks',
    'disassociate-identity-provider-config',
    '--region',
    cluster.region,
    '--cluster-name',
    cluster.name,
    '--identity-provider-config',
    `type=oidc,name=${name}`,
  ]
}

/** `aws eks describe-update …`: how to follow an association from a terminal. */
export function buildDescribeUpdateArgs(cluster: Cluster, updateId: string): string[] {
  return ['aws', 'eks', 'describe-update', '--region', cluster.region, '--name', cluster.name, '--update-id', updateId]
}

/**
 * `kubectl create rolebinding` binding a ClusterRole to an IdP group in one namespace. The subject is the group as
 * the API server sees it: the provider's groups prefix, then the group name from the token.
 */
export function buildGroupRoleBindingArgs(input: {
  groupsPrefix: string | null
  group: string
  namespace: string
  clusterRole: string
}): string[] {
  const subject = `${input.groupsPrefix ?? ''}${input.group}`
  const name = `${subject}-${input.clusterRole}`
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return [
    'kubectl',
    'create',
    'rolebinding',
    name.slice(0, 253),
    `--clusterrole=${input.clusterRole}`,
    `--group=${subject}`,
    `--namespace=${input.namespace}`,
  ]
}
