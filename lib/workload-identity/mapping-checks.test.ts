import { describe, expect, it } from 'vitest'

import { evaluateMapping, summarizeVerdict, type MappingFacts } from './mapping-checks'
import { parseTrustPolicy } from './trust-policy'
import type { ClusterIdentityFacts } from './workload-identity-schemas'

const issuer = 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC'
const cluster: ClusterIdentityFacts = {
  region: 'us-west-2',
  name: 'c',
  arn: 'arn:aws:eks:us-west-2:111122223333:cluster/c',
  account: '111122223333',
  autoMode: false,
  oidcIssuer: issuer,
  agent: { source: 'addon', status: 'ACTIVE', version: 'v1' },
  oidcProvider: {
    arn: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC',
    exists: true,
    clientIds: ['sts.amazonaws.com'],
  },
}
const goodPods = {
  state: 'found' as const,
  trust: parseTrustPolicy(
    JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'pods.eks.amazonaws.com' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
        },
      ],
    }),
  ),
}
const pia = {
  associationId: 'a-1',
  associationArn: 'arn',
  roleArn: 'arn:aws:iam::111122223333:role/r',
  targetRoleArn: null,
  externalId: null,
  disableSessionTags: false,
  policy: null,
  ownerArn: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  modifiedAt: null,
}
const irsa = {
  roleArn: 'arn:aws:iam::111122223333:role/i',
  audience: null,
  stsRegionalEndpoints: null,
  tokenExpiration: null,
}
const base: MappingFacts = {
  cluster,
  namespace: 'n',
  serviceAccount: 's',
  serviceAccountExists: true,
  podIdentity: pia,
  irsa: null,
  podIdentityRole: goodPods,
  pods: [],
}
const status = (facts: Partial<MappingFacts>, id: string) =>
  evaluateMapping({ ...base, ...facts }).find((c) => c.id === id)

describe('evaluateMapping', () => {
  it.each([
    { name: 'agent ACTIVE', facts: {}, id: 'pod-identity-agent', expected: 'pass' },
    {
      name: 'agent missing',
      facts: { cluster: { ...cluster, agent: { source: 'missing' as const, status: null, version: null } } },
      id: 'pod-identity-agent',
      expected: 'fail',
    },
    {
      name: 'agent DEGRADED',
      facts: { cluster: { ...cluster, agent: { source: 'addon' as const, status: 'DEGRADED', version: 'v1' } } },
      id: 'pod-identity-agent',
      expected: 'fail',
    },
    {
      name: 'Auto Mode needs no add-on',
      facts: {
        cluster: { ...cluster, autoMode: true, agent: { source: 'built-in' as const, status: null, version: null } },
      },
      id: 'pod-identity-agent',
      expected: 'pass',
    },
    {
      name: 'pod started before',
      facts: {
        pods: [
          {
            name: 'p',
            phase: 'Running',
            startTime: '2024-12-31T00:00:00.000Z',
            owner: { kind: 'ReplicaSet', name: 'web-5d9f' },
          },
        ],
      },
      id: 'pod-identity-restart',
      expected: 'fail',
    },
    {
      name: 'pod started after',
      facts: { pods: [{ name: 'p', phase: 'Running', startTime: '2025-01-02T00:00:00.000Z' }] },
      id: 'pod-identity-restart',
      expected: 'pass',
    },
    { name: 'no pods', facts: {}, id: 'pod-identity-restart', expected: 'info' },
    {
      name: 'role missing',
      facts: { podIdentityRole: { state: 'not-found' as const } },
      id: 'pod-identity-trust',
      expected: 'fail',
    },
    {
      name: 'role in another account',
      facts: { podIdentityRole: { state: 'other-account' as const } },
      id: 'pod-identity-trust',
      expected: 'fail',
    },
    {
      name: 'unreadable trust policy',
      facts: { podIdentityRole: { state: 'found' as const, trust: parseTrustPolicy('nope') } },
      id: 'pod-identity-trust',
      expected: 'fail',
    },
    {
      name: 'both mechanisms flagged',
      facts: { irsa, irsaRole: { state: 'not-found' as const } },
      id: 'both-mechanisms',
      expected: 'warn',
    },
    {
      name: 'IRSA failures are notes when Pod Identity wins',
      facts: { irsa, irsaRole: { state: 'not-found' as const } },
      id: 'irsa-trust',
      expected: 'info',
    },
    {
      name: 'OIDC provider missing',
      facts: {
        podIdentity: null,
        irsa,
        cluster: { ...cluster, oidcProvider: { ...cluster.oidcProvider!, exists: false } },
      },
      id: 'irsa-oidc-provider',
      expected: 'fail',
    },
    {
      name: 'provider without sts.amazonaws.com',
      facts: {
        podIdentity: null,
        irsa,
        cluster: { ...cluster, oidcProvider: { ...cluster.oidcProvider!, clientIds: ['other'] } },
      },
      id: 'irsa-oidc-provider',
      expected: 'fail',
    },
    {
      name: 'service account missing',
      facts: { serviceAccountExists: false },
      id: 'service-account',
      expected: 'warn',
    },
  ])('$name → $id $expected', ({ facts, id, expected }) => {
    expect(status(facts, id)?.status).toBe(expected)
  })

  it('names the Deployment to restart', () => {
    const check = status(
      {
        pods: [
          {
            name: 'web-5d9f-x',
            phase: 'Running',
            startTime: '2024-01-01T00:00:00Z',
            owner: { kind: 'ReplicaSet', name: 'web-5d9f' },
          },
        ],
      },
      'pod-identity-restart',
    )
    expect(check?.fix).toEqual({
      kind: 'command',
      label: 'Restart them',
      command: 'kubectl rollout restart deployment/web --namespace n',
    })
  })

  it('summarizes the worst status, ignoring notes', () => {
    expect(summarizeVerdict(evaluateMapping(base))).toBe('pass')
    expect(summarizeVerdict(evaluateMapping({ ...base, serviceAccountExists: false }))).toBe('warn')
  })
})
