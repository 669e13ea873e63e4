import { describe, expect, it } from 'vitest'

import { irsaChecks } from './irsa-checks'
import type { MappingFacts } from './mapping-facts'
import type { ClusterIdentityFacts, IrsaDto } from './workload-identity-schemas'

const providerArn = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC'
const cluster: ClusterIdentityFacts = {
  region: 'us-west-2',
  name: 'c',
  arn: 'arn:aws:eks:us-west-2:111122223333:cluster/c',
  account: '111122223333',
  autoMode: false,
  oidcIssuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC',
  agent: { source: 'addon', status: 'ACTIVE', version: 'v1' },
  oidcProvider: { arn: providerArn, exists: true, clientIds: ['sts.amazonaws.com'] },
}
const irsa: IrsaDto = {
  roleArn: 'arn:aws:iam::111122223333:role/i',
  audience: null,
  stsRegionalEndpoints: null,
  tokenExpiration: null,
}
const facts = (provider: Partial<NonNullable<ClusterIdentityFacts['oidcProvider']>>): MappingFacts => ({
  cluster: { ...cluster, oidcProvider: { ...cluster.oidcProvider!, ...provider } },
  namespace: 'n',
  serviceAccount: 's',
  serviceAccountExists: true,
  podIdentity: null,
  irsa,
  pods: [],
})
const providerCheck = (f: MappingFacts, audience: string | null = null) =>
  irsaChecks(f, { ...irsa, audience }).find((c) => c.id === 'irsa-oidc-provider')

describe('irsaChecks: the IAM OIDC provider', () => {
  it.each([
    {
      name: 'no provider → create it',
      provider: { exists: false, clientIds: [] },
      audience: null,
      expected: { status: 'fail', fix: { kind: 'create-oidc-provider' } },
    },
    {
      name: 'provider without sts.amazonaws.com → add the default audience',
      provider: { clientIds: ['other-audience'] },
      audience: null,
      expected: { status: 'fail', fix: { kind: 'add-client-id', audience: 'sts.amazonaws.com' } },
    },
    {
      name: 'provider without the annotated audience → add that one',
      provider: { clientIds: ['sts.amazonaws.com'] },
      audience: 'vault.example.com',
      expected: { status: 'fail', fix: { kind: 'add-client-id', audience: 'vault.example.com' } },
    },
    {
      name: 'provider with no client IDs at all → add the default audience',
      provider: { clientIds: [] },
      audience: '',
      expected: { status: 'fail', fix: { kind: 'add-client-id', audience: 'sts.amazonaws.com' } },
    },
    {
      name: 'provider with the annotated audience → pass',
      provider: { clientIds: ['sts.amazonaws.com', 'vault.example.com'] },
      audience: 'vault.example.com',
      expected: { status: 'pass', fix: undefined },
    },
  ])('$name', ({ provider, audience, expected }) => {
    const check = providerCheck(facts(provider), audience)
    expect(check?.status).toBe(expected.status)
    expect(check?.fix).toEqual(expected.fix)
  })

  it('names the client IDs the provider has and the audience it lacks', () => {
    expect(providerCheck(facts({ clientIds: ['a', 'b'] }))?.reason).toMatch(
      /client IDs \(a, b\) do not include sts\.amazonaws\.com/,
    )
  })
})
