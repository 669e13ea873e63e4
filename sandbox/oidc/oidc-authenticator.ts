// kube-apiserver's OIDC token authenticator as EKS runs it for associated identity providers
// (https://kubernetes.io/docs/reference/access-authn-authz/authentication/#openid-connect-tokens and
// docs/oidc-identity-providers.md#request-fields): the token's `iss` picks the provider; signature (JWKS), `aud` =
// client ID and expiry are checked by jose; then required claims, and the username and groups claims with prefixes.
import { decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose'

import type { UserInfo } from '../kube/types'

/** The fields of an associated OidcIdentityProviderConfig the authenticator needs. */
export interface AssociatedProvider {
  issuerUrl: string
  clientId: string
  usernameClaim?: string
  usernamePrefix?: string
  groupsClaim?: string
  groupsPrefix?: string
  requiredClaims?: Record<string, string>
  status: 'CREATING' | 'ACTIVE' | 'DELETING'
}

/**
 * The username prefix in force: EKS's default is `<issuerUrl>#` unless the claim is `email`; `-` turns prefixing
 * off (the `--oidc-username-prefix` rules).
 */
export function effectiveUsernamePrefix(p: Pick<AssociatedProvider, 'issuerUrl' | 'usernameClaim' | 'usernamePrefix'>) {
  const claim = p.usernameClaim || 'sub'
  if (p.usernamePrefix === '-') return ''
  if (p.usernamePrefix) return p.usernamePrefix
  return claim === 'email' ? '' : `${p.issuerUrl}#`
}

function readGroups(payload: JWTPayload, claim: string): string[] | undefined {
  const value = payload[claim]
  if (value === undefined) return []
  if (typeof value === 'string') return [value]
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[]
  return undefined
}

/**
 * Verifies `token` against the providers associated with a cluster; undefined (→ 401) when no ACTIVE provider has
 * its issuer or any check fails. `keysFor` answers the issuer's JWKS (undefined when it cannot be reached).
 */
export async function authenticateOidcToken(
  token: string,
  providers: readonly AssociatedProvider[],
  keysFor: (issuerUrl: string) => JWTVerifyGetKey | undefined,
): Promise<UserInfo | undefined> {
  let unverified: JWTPayload
  try {
    unverified = decodeJwt(token)
  } catch {
    return undefined
  }
  // A provider still CREATING is not serving yet; one DELETING has been taken away.
  const provider = providers.find((p) => p.status === 'ACTIVE' && p.issuerUrl === unverified.iss)
  const keys = provider && keysFor(provider.issuerUrl)
  if (!provider || !keys) return undefined
  let payload: JWTPayload
  try {
    ;({ payload } = await jwtVerify(token, keys, {
      issuer: provider.issuerUrl,
      audience: provider.clientId,
      algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512'],
      requiredClaims: ['exp'],
    }))
  } catch {
    return undefined
  }
  for (const [claim, value] of Object.entries(provider.requiredClaims ?? {}))
    if (payload[claim] !== value) return undefined
  const usernameClaim = provider.usernameClaim || 'sub'
  const username = payload[usernameClaim]
  if (typeof username !== 'string' || username === '') return undefined
  // kube-apiserver refuses an email the IdP says is unverified.
  if (usernameClaim === 'email' && payload.email_verified !== undefined && payload.email_verified !== true)
    return undefined
  const groups = provider.groupsClaim ? readGroups(payload, provider.groupsClaim) : []
  if (!groups) return undefined
  return {
    username: `${effectiveUsernamePrefix(provider)}${username}`,
    groups: groups.map((g) => `${provider.groupsPrefix ?? ''}${g}`),
  }
}
