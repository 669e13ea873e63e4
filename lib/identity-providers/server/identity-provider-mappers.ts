import 'server-only'

import type { OidcIdentityProviderConfig, Update } from '@aws-sdk/client-eks'

import type { OidcProviderConfigInput } from '@/lib/aws/identity-providers'
import type { IdentityProviderDto, IdentityProviderUpdateDto } from '@/lib/identity-providers/identity-provider-dto'
import type { AssociateIdentityProviderInput } from '@/lib/identity-providers/identity-provider-schema'

/** What the page shows of one EKS OIDC config; a status other than CREATING or DELETING is shown as ACTIVE. */
export function toIdentityProviderDto(c: OidcIdentityProviderConfig): IdentityProviderDto {
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

/** An EKS update (association, disassociation) as the page polls it. */
export function toIdentityProviderUpdateDto(u: Update | undefined): IdentityProviderUpdateDto {
  return {
    id: u?.id ?? '',
    status: u?.status ?? 'Unknown',
    type: u?.type ?? null,
    errors: (u?.errors ?? []).map((e) => ({ code: e.errorCode ?? null, message: e.errorMessage ?? null })),
  }
}

/** The form's input as EKS takes it: empty claims and prefixes left out (EKS refuses empty strings), lists as maps. */
export function toOidcProviderConfig(input: AssociateIdentityProviderInput): OidcProviderConfigInput {
  const optional = (v: string) => (v === '' ? undefined : v)
  return {
    name: input.name,
    issuerUrl: input.issuerUrl,
    clientId: input.clientId,
    usernameClaim: optional(input.usernameClaim),
    usernamePrefix: optional(input.usernamePrefix),
    groupsClaim: optional(input.groupsClaim),
    groupsPrefix: optional(input.groupsPrefix),
    requiredClaims: input.requiredClaims.length
      ? Object.fromEntries(input.requiredClaims.map((c) => [c.key, c.value]))
      : undefined,
    tags: input.tags.length ? Object.fromEntries(input.tags.map((t) => [t.key, t.value])) : undefined,
  }
}
