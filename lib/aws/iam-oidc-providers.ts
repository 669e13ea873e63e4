import 'server-only'

import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  ListOpenIDConnectProvidersCommand,
} from '@aws-sdk/client-iam'

import { configuredAwsEndpoint, getIamClient } from './aws-clients'
import { toConsoleError } from './aws-errors'

/** The IAM OIDC provider of a cluster issuer: its ARN is the issuer URL without `https://` (docs/irsa.md#the-iam-oidc-provider). */
export type OidcProviderFacts = { arn: string; exists: boolean; clientIds: string[] }

const context = (region: string) => ({ service: 'IAM' as const, region, endpoint: configuredAwsEndpoint() })

/** The provider ARN IAM gives a cluster's issuer in `account`. */
export function oidcProviderArnFor(account: string, issuerUrl: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${account}:oidc-provider/${issuerUrl.replace(/^https:\/\//, '')}`
}

/**
 * Whether IAM has an OIDC provider for `issuerUrl` (ListOpenIDConnectProviders, then Get for its client IDs).
 * Matched by the issuer host and path, so a provider in the account is found whatever the console guessed its ARN to be.
 */
export async function findOidcProvider(region: string, account: string, issuerUrl: string): Promise<OidcProviderFacts> {
  const expected = oidcProviderArnFor(account, issuerUrl)
  const suffix = `:oidc-provider/${issuerUrl.replace(/^https:\/\//, '')}`
  try {
    const client = getIamClient(region)
    const { OpenIDConnectProviderList = [] } = await client.send(new ListOpenIDConnectProvidersCommand({}))
    const arn = OpenIDConnectProviderList.map((p) => p.Arn ?? '').find((a) => a.endsWith(suffix))
    if (!arn) return { arn: expected, exists: false, clientIds: [] }
    const provider = await client.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
    return { arn, exists: true, clientIds: provider.ClientIDList ?? [] }
  } catch (error) {
    throw toConsoleError(error, context(region))
  }
}

/**
 * CreateOpenIDConnectProvider for a cluster issuer with client ID sts.amazonaws.com. No thumbprint: IAM no longer needs
 * one for providers it can verify itself, and the argument is optional (docs/irsa.md#the-iam-oidc-provider).
 */
export async function createOidcProvider(region: string, issuerUrl: string): Promise<string> {
  try {
    const out = await getIamClient(region).send(
      new CreateOpenIDConnectProviderCommand({ Url: issuerUrl, ClientIDList: ['sts.amazonaws.com'] }),
    )
    return out.OpenIDConnectProviderArn ?? ''
  } catch (error) {
    throw toConsoleError(error, context(region))
  }
}

/**
 * AddClientIDToOpenIDConnectProvider: lets tokens whose `aud` is `clientId` be exchanged through the provider. IAM
 * accepts a client ID the provider already has without error, and refuses more than 100 (LimitExceeded).
 */
export async function addOidcProviderClientId(region: string, providerArn: string, clientId: string): Promise<void> {
  try {
    await getIamClient(region).send(
      new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: providerArn, ClientID: clientId }),
    )
  } catch (error) {
    throw toConsoleError(error, context(region))
  }
}
