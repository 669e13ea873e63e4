import 'server-only'

import {
  AssociateIdentityProviderConfigCommand,
  DescribeIdentityProviderConfigCommand,
  DescribeUpdateCommand,
  DisassociateIdentityProviderConfigCommand,
  ListIdentityProviderConfigsCommand,
  type OidcIdentityProviderConfig,
  type Update,
} from '@aws-sdk/client-eks'

import type { AssociateIdentityProviderInput } from '@/lib/identity-providers/identity-provider-schema'
import type { IdentityProviderDto, IdentityProviderUpdateDto } from '@/lib/identity-providers/identity-provider-dto'

import { configuredAwsEndpoint, getEksClient } from './aws-clients'
import { toConsoleError } from './aws-errors'

// EKS's OIDC identity provider configs (docs/oidc-identity-providers.md#operations).

const context = (region: string, cluster: string, notFound?: string) => ({
  service: 'EKS' as const,
  region,
  endpoint: configuredAwsEndpoint(),
  notFoundMessage: notFound ?? `No cluster named ${cluster} in ${region}.`,
})

function toDto(c: OidcIdentityProviderConfig): IdentityProviderDto {
  const status = c.status === 'CREATING' || c.status === 'DELETING' ? c.status : 'ACTIVE'
  return {
    name: c.identityProviderConfigName ?? '',
    arn: c.identityProviderConfigArn ?? null,
    issuerUrl: c.issuerUrl ?? '',
    clientId: c.clientId ?? '',
    usernameClaim: c.usernameClaim ?? null,
    usernamePrefix: c.usernamePrefix ?? null,
    groupsClaim: c.groupsClaim ?? null,
    groupsPrefix: c.groupsPrefix ?? null,
    requiredClaims: c.requiredClaims ?? {},
    tags: c.tags ?? {},
    status,
  }
}

function toUpdateDto(u: Update | undefined): IdentityProviderUpdateDto {
  return {
    id: u?.id ?? '',
    status: u?.status ?? 'Unknown',
    type: u?.type ?? null,
    errors: (u?.errors ?? []).map((e) => ({ code: e.errorCode ?? null, message: e.errorMessage ?? null })),
  }
}

/** Every OIDC config of a cluster, described (ListIdentityProviderConfigs, then one Describe each). */
export async function listIdentityProviders(region: string, cluster: string): Promise<IdentityProviderDto[]> {
  const client = getEksClient(region)
  try {
    const names: string[] = []
    let nextToken: string | undefined
    do {
      const page = await client.send(new ListIdentityProviderConfigsCommand({ clusterName: cluster, nextToken }))
      for (const c of page.identityProviderConfigs ?? []) if (c.name) names.push(c.name)
      nextToken = page.nextToken
    } while (nextToken)
    const described = await Promise.all(
      names.map((name) =>
        client.send(
          new DescribeIdentityProviderConfigCommand({
            clusterName: cluster,
            identityProviderConfig: { type: 'oidc', name },
          }),
        ),
      ),
    )
    return described.flatMap((d) => (d.identityProviderConfig?.oidc ? [toDto(d.identityProviderConfig.oidc)] : []))
  } catch (error) {
    throw toConsoleError(error, context(region, cluster))
  }
}

/** AssociateIdentityProviderConfig; answers the EKS update to poll. */
export async function associateIdentityProvider(
  region: string,
  cluster: string,
  input: AssociateIdentityProviderInput,
): Promise<IdentityProviderUpdateDto> {
  const optional = (v: string) => (v === '' ? undefined : v)
  try {
    const out = await getEksClient(region).send(
      new AssociateIdentityProviderConfigCommand({
        clusterName: cluster,
        oidc: {
          identityProviderConfigName: input.name,
          issuerUrl: input.issuerUrl,
          clientId: input.clientId,
          usernameClaim: optional(input.usernameClaim),
          usernamePrefix: optional(input.usernamePrefix),
          groupsClaim: optional(input.groupsClaim),
          groupsPrefix: optional(input.groupsPrefix),
          requiredClaims: input.requiredClaims.length
            ? Object.fromEntries(input.requiredClaims.map((c) => [c.key, c.value]))
            : undefined,
        },
        tags: input.tags.length ? Object.fromEntries(input.tags.map((t) => [t.key, t.value])) : undefined,
      }),
    )
    return toUpdateDto(out.update)
  } catch (error) {
    throw toConsoleError(error, context(region, cluster))
  }
}

/** DisassociateIdentityProviderConfig; answers the EKS update to poll. */
export async function disassociateIdentityProvider(
  region: string,
  cluster: string,
  name: string,
): Promise<IdentityProviderUpdateDto> {
  try {
    const out = await getEksClient(region).send(
      new DisassociateIdentityProviderConfigCommand({
        clusterName: cluster,
        identityProviderConfig: { type: 'oidc', name },
      }),
    )
    return toUpdateDto(out.update)
  } catch (error) {
    throw toConsoleError(error, context(region, cluster, `No identity provider ${name} on ${cluster}.`))
  }
}

/** DescribeUpdate for an association's or disassociation's progress. */
export async function describeIdentityProviderUpdate(
  region: string,
  cluster: string,
  updateId: string,
): Promise<IdentityProviderUpdateDto> {
  try {
    const out = await getEksClient(region).send(new DescribeUpdateCommand({ name: cluster, updateId }))
    return toUpdateDto(out.update)
  } catch (error) {
    throw toConsoleError(error, context(region, cluster, `No update ${updateId} on ${cluster}.`))
  }
}
