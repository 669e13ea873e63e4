import { describe, expect, it } from 'vitest'

import {
  associateIdentityProviderSchema,
  associateIdentityProviderSchemaFor,
  checkAssociationAllowed,
  maxIdentityProviders,
} from './identity-provider-schema'

const valid = {
  name: 'corp',
  issuerUrl: 'https://idp.example.com/oauth2',
  clientId: 'eks',
  usernameClaim: 'email',
  groupsClaim: 'groups',
  groupsPrefix: 'oidc:',
}

const firstMessage = (body: object) => {
  const r = associateIdentityProviderSchema.safeParse(body)
  return r.success ? undefined : r.error.issues[0]?.message
}

describe('associateIdentityProviderSchema: one row per EKS rule, with the error EKS answers', () => {
  it.each([
    [
      'an http issuer',
      { issuerUrl: 'http://idp.example.com' },
      'InvalidParameterException: The issuerUrl must be an https',
    ],
    ['an issuer with a query', { issuerUrl: 'https://idp.example.com/?tenant=1' }, 'without a query string'],
    ['an issuer with an empty query', { issuerUrl: 'https://idp.example.com/?' }, 'without a query string'],
    ['not a URL', { issuerUrl: 'idp.example.com' }, 'must be an https URL'],
    [
      'system: in the username prefix',
      { usernamePrefix: 'system:oidc:' },
      'The usernamePrefix must not contain system:',
    ],
    ['system: in the groups prefix', { groupsPrefix: 'corp-system:' }, 'The groupsPrefix must not contain system:'],
    ['an empty claim key', { requiredClaims: [{ key: '', value: 'x' }] }, 'required claim key has 1 to 63'],
    ['a 64-character claim key', { requiredClaims: [{ key: 'k'.repeat(64), value: 'x' }] }, 'key has 1 to 63'],
    ['an empty claim value', { requiredClaims: [{ key: 'hd', value: '' }] }, 'value has 1 to 253'],
    ['a 254-character claim value', { requiredClaims: [{ key: 'hd', value: 'v'.repeat(254) }] }, 'value has 1 to 253'],
    ['no client ID', { clientId: '' }, 'Enter the client ID'],
    ['a bad name', { name: '-corp' }, 'configuration name is letters'],
    ['a line break in the client ID', { clientId: 'a\nb' }, 'control character'],
  ])('refuses %s', (_label, change, message) => {
    expect(firstMessage({ ...valid, ...change })).toContain(message)
  })

  it.each([
    ['the minimum', { name: 'x', issuerUrl: 'https://x.example', clientId: 'c' }],
    ['the maximum claim lengths', { ...valid, requiredClaims: [{ key: 'k'.repeat(63), value: 'v'.repeat(253) }] }],
    ['prefixing turned off', { ...valid, usernamePrefix: '-' }],
  ])('accepts %s', (_label, body) => {
    expect(associateIdentityProviderSchema.safeParse(body).success).toBe(true)
  })
})

describe('checkAssociationAllowed: the rules that depend on the cluster', () => {
  const active = (name: string, issuerUrl: string) => ({ name, issuerUrl, status: 'ACTIVE' as const })
  it.each([
    [
      'a second provider before 1.32',
      { kubernetesVersion: '1.31', configs: [active('a', 'https://a.example')] },
      'InvalidRequestException: Kubernetes 1.31 clusters take only one',
    ],
    [
      'an eleventh provider from 1.32',
      {
        kubernetesVersion: '1.32',
        configs: Array.from({ length: 10 }, (_, i) => active(`p${i}`, `https://p${i}.example`)),
      },
      'at most 10',
    ],
    [
      'the same issuer twice (trailing slash ignored)',
      { kubernetesVersion: '1.34', configs: [active('other', 'https://idp.example.com/oauth2/')] },
      'InvalidRequestException: The issuer https://idp.example.com/oauth2 is already associated',
    ],
    [
      'the same name twice',
      { kubernetesVersion: '1.34', configs: [active('corp', 'https://b.example')] },
      'ResourceInUseException: Identity provider config corp is already associated',
    ],
    [
      'a second association while one is in progress',
      {
        kubernetesVersion: '1.34',
        configs: [{ name: 'b', issuerUrl: 'https://b.example', status: 'CREATING' as const }],
      },
      'ResourceInUseException: Another identity provider association',
    ],
  ])('refuses %s', (_label, cluster, message) => {
    expect(checkAssociationAllowed(valid, cluster)).toContain(message)
    const r = associateIdentityProviderSchemaFor(cluster).safeParse(valid)
    expect(r.success ? undefined : r.error.issues[0]?.message).toContain(message)
  })

  it('allows a second provider from 1.32', () => {
    expect(
      checkAssociationAllowed(valid, { kubernetesVersion: '1.32', configs: [active('a', 'https://a.example')] }),
    ).toBe(undefined)
  })

  it.each([
    ['1.31', 1],
    ['1.32', 10],
    ['1.34', 10],
    ['2.0', 10],
  ])('Kubernetes %s takes %i provider(s)', (version, max) => {
    expect(maxIdentityProviders(version)).toBe(max)
  })
})
