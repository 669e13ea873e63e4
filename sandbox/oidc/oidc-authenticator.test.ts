import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'

import { authenticateOidcToken, effectiveUsernamePrefix, type AssociatedProvider } from './oidc-authenticator'

const ISS = 'https://idp.example/oidc'
let sign: (
  claims: Record<string, unknown>,
  o?: { aud?: string; iss?: string; exp?: string | number },
) => Promise<string>
let keys: ReturnType<typeof createLocalJWKSet>

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' }] })
  sign = (claims, o = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setIssuer(o.iss ?? ISS)
      .setAudience(o.aud ?? 'kubernetes')
      .setSubject('u1')
      .setExpirationTime(o.exp ?? '1h')
      .sign(privateKey)
})

const provider = (p: Partial<AssociatedProvider> = {}): AssociatedProvider => ({
  issuerUrl: ISS,
  clientId: 'kubernetes',
  status: 'ACTIVE',
  ...p,
})
const claims = { email: 'dev@example.com', email_verified: true, groups: ['team-a-devs'] }
const auth = (token: string, p = provider()) => authenticateOidcToken(token, [p], () => keys)

describe('effectiveUsernamePrefix (the --oidc-username-prefix rules EKS applies)', () => {
  it.each([
    [{ usernameClaim: 'sub' }, `${ISS}#`],
    [{}, `${ISS}#`],
    [{ usernameClaim: 'email' }, ''],
    [{ usernameClaim: 'sub', usernamePrefix: '-' }, ''],
    [{ usernameClaim: 'email', usernamePrefix: 'oidc:' }, 'oidc:'],
  ])('%j → %s', (p, prefix) => expect(effectiveUsernamePrefix({ issuerUrl: ISS, ...p })).toBe(prefix))
})

describe('authenticateOidcToken', () => {
  it('maps username and groups claims with their prefixes', async () => {
    const p = provider({ usernameClaim: 'email', groupsClaim: 'groups', groupsPrefix: 'oidc:' })
    expect(await auth(await sign(claims), p)).toEqual({ username: 'dev@example.com', groups: ['oidc:team-a-devs'] })
  })

  it('defaults to sub with the issuer# prefix, and no groups without a groups claim', async () => {
    expect(await auth(await sign(claims))).toEqual({ username: `${ISS}#u1`, groups: [] })
  })

  it.each([
    ['another audience', () => sign(claims, { aud: 'other' }), provider()],
    ['an expired token', () => sign(claims, { exp: Math.floor(Date.now() / 1000) - 60 }), provider()],
    ['an unassociated issuer', () => sign(claims, { iss: 'https://other.example' }), provider()],
    ['a provider still CREATING', () => sign(claims), provider({ status: 'CREATING' })],
    ['a provider DELETING', () => sign(claims), provider({ status: 'DELETING' })],
    ['a required claim missing', () => sign(claims), provider({ requiredClaims: { hd: 'example.com' } })],
    [
      'a required claim with another value',
      () => sign({ ...claims, hd: 'x' }),
      provider({ requiredClaims: { hd: 'example.com' } }),
    ],
    [
      'an unverified email as username',
      () => sign({ ...claims, email_verified: false }),
      provider({ usernameClaim: 'email' }),
    ],
    ['a username claim that is absent', () => sign(claims), provider({ usernameClaim: 'upn' })],
    ['a groups claim that is not strings', () => sign({ ...claims, groups: [1] }), provider({ groupsClaim: 'groups' })],
    ['not a JWT', async () => 'k8s-aws-v1.abc', provider()],
  ])('refuses %s', async (_label, mint, p) => {
    expect(await auth(await mint(), p)).toBeUndefined()
  })

  it('accepts a required claim with the right value', async () => {
    const p = provider({ requiredClaims: { hd: 'example.com' } })
    expect(await auth(await sign({ ...claims, hd: 'example.com' }), p)).toBeDefined()
  })
})
