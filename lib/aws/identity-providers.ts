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

import { configuredAwsEndpoint, getEksClient } from './aws-clients'
import { toConsoleError } from './aws-errors'

// EKS's OIDC identity provider configs (docs/oidc-identity-providers.md#operations).

const context = (region: string, cluster: string, notFound?: string) => ({
  service: 'EKS' as const,
  region,
  endpoint: configuredAwsEndpoint(),
  notFoundMessage: notFound ?? `No cluster named ${cluster} in ${region}.`,
})

/** One OIDC provider to associate, as EKS takes it (empty optional claims and prefixes left out by the caller). */
export type OidcProviderConfigInput = {
  name: string
  issuerUrl: string
  clientId: string
  usernameClaim?: string
  usernamePrefix?: string
  groupsClaim?: string
  groupsPrefix?: string
  requiredClaims?: Record<string, string>
  tags?: Record<string, string>
}

/** Every OIDC config of a cluster, described (ListIdentityProviderConfigs, then one Describe each). */
export async function listIdentityProviders(region: string, cluster: string): Promise<OidcIdentityProviderConfig[]> {
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
    return described.flatMap((d) => (d.identityProviderConfig?.oidc ? [d.identityProviderConfig.oidc] : []))
  } catch (error) {
    throw toConsoleError(error, context(region, cluster))
  }
}

/** AssociateIdentityProviderConfig; answers the EKS update to poll. */
export async function associateIdentityProvider(
  region: string,
  cluster: string,
  input: OidcProviderConfigInput,
): Promise<Update | undefined> {
  try {
    const out = await getEksClient(region).send(
      new AssociateIdentityProviderConfigCommand({
        clusterName: cluster,
        oidc: {
          identityProviderConfigName: input.name,
          issuerUrl: input.issuerUrl,
          clientId: input.clientId,
          usernameClaim: input.usernameClaim,
          usernamePrefix: input.usernamePrefix,
          groupsClaim: input.groupsClaim,
          groupsPrefix: input.groupsPrefix,
          requiredClaims: input.requiredClaims,
        },
        tags: input.tags,
      }),
    )
    return out.update
  } catch (error) {
    throw toConsoleError(error, context(region, cluster))
  }
}

/** DisassociateIdentityProviderConfig; answers the EKS update to poll. */
export async function disassociateIdentityProvider(
  region: string,
  cluster: string,
  name: string,
): Promise<Update | undefined> {
  try {
    const out = await getEksClient(region).send(
      new DisassociateIdentityProviderConfigCommand({
        clusterName: cluster,
        identityProviderConfig: { type: 'oidc', name },
      }),
    )
    return out.update
  } catch (error) {
    throw toConsoleError(error, context(region, cluster, `No identity provider ${name} on ${cluster}.`))
  }
}

/** DescribeUpdate for an association's or disassociation's progress. */
export async function describeIdentityProviderUpdate(
  region: string,
  cluster: string,
  updateId: string,
): Promise<Update | undefined> {
  try {
    const out = await getEksClient(region).send(new DescribeUpdateCommand({ name: cluster, updateId }))
    return out.update
  } catch (error) {
    throw toConsoleError(error, context(region, cluster, `No update ${updateId} on ${cluster}.`))
  }
}
