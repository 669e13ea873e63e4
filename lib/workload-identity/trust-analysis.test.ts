import { describe, expect, it } from 'vitest'

import { analyseIrsaTrust, analysePodIdentityTrust, podIdentityContext, type IrsaRequest } from './trust-analysis'
import { diffLines, fixIrsaTrust, fixPodIdentityTrust } from './trust-fix'
import { formatTrustPolicy, parseTrustPolicy, type PolicyStatement, type TrustPolicy } from './trust-policy'

const policy = (...Statement: PolicyStatement[]): TrustPolicy => ({ Version: '2012-10-17', Statement })
const pods = { Service: 'pods.eks.amazonaws.com' }
const ctx = podIdentityContext({
  clusterArn: 'arn:aws:eks:us-west-2:111122223333:cluster/prod-web',
  clusterName: 'prod-web',
  namespace: 'orders',
  serviceAccount: 'orders-api',
  account: '111122223333',
})

describe('analysePodIdentityTrust', () => {
  it.each([
    {
      name: 'user guide statement (array action)',
      p: policy({ Effect: 'Allow', Principal: pods, Action: ['sts:AssumeRole', 'sts:TagSession'] }),
      status: 'pass',
    },
    {
      name: 'string action, AssumeRole only',
      p: policy({ Effect: 'Allow', Principal: pods, Action: 'sts:AssumeRole' }),
      status: 'fail',
      reason: /sts:TagSession/,
    },
    { name: 'wildcard action sts:*', p: policy({ Effect: 'Allow', Principal: pods, Action: 'sts:*' }), status: 'pass' },
    {
      name: 'actions split over two statements',
      p: policy(
        { Effect: 'Allow', Principal: pods, Action: 'sts:AssumeRole' },
        {
          Effect: 'Allow',
          Principal: { Service: ['ec2.amazonaws.com', 'pods.eks.amazonaws.com'] },
          Action: 'STS:TagSession',
        },
      ),
      status: 'pass',
    },
    {
      name: 'principal list without pods',
      p: policy({
        Effect: 'Allow',
        Principal: { Service: ['ec2.amazonaws.com'] },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
      }),
      status: 'fail',
      reason: /sts:AssumeRole and sts:TagSession/,
    },
    {
      name: 'account root only',
      p: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }),
      status: 'fail',
    },
    {
      name: 'Deny statement wins',
      p: policy(
        { Effect: 'Allow', Principal: pods, Action: ['sts:AssumeRole', 'sts:TagSession'] },
        { Sid: 'NoPods', Effect: 'Deny', Principal: pods, Action: 'sts:TagSession' },
      ),
      status: 'fail',
      reason: /Deny statement \(NoPods\)/,
    },
    {
      name: 'condition on a session tag that holds',
      p: policy({
        Effect: 'Allow',
        Principal: pods,
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'orders' } },
      }),
      status: 'pass',
    },
    {
      name: 'condition on a session tag that fails',
      p: policy({
        Effect: 'Allow',
        Principal: pods,
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'billing' } },
      }),
      status: 'fail',
    },
    {
      name: 'SourceAccount condition holds',
      p: policy({
        Effect: 'Allow',
        Principal: pods,
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: {
          StringEquals: { 'aws:SourceAccount': '111122223333' },
          ArnLike: { 'aws:SourceArn': 'arn:aws:eks:us-west-2:111122223333:cluster/*' },
        },
      }),
      status: 'pass',
    },
    {
      name: 'condition on an unknown key',
      p: policy({
        Effect: 'Allow',
        Principal: pods,
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
      status: 'warn',
      reason: /cannot evaluate/,
    },
    {
      name: 'NotPrincipal is never a match',
      p: policy({ Effect: 'Allow', NotPrincipal: pods, Action: ['sts:AssumeRole', 'sts:TagSession'] }),
      status: 'fail',
    },
  ])('$name → $status', ({ p, status, reason }) => {
    const verdict = analysePodIdentityTrust(p, ctx)
    expect(verdict.status).toBe(status)
    if (reason) expect(verdict.reason).toMatch(reason)
  })
})

const issuer = 'oidc.eks.us-west-2.amazonaws.com/id/5E1D6C3B0F8A4B2D9C7E1F0A3B6D8C42'
const providerArn = `arn:aws:iam::111122223333:oidc-provider/${issuer}`
const request: IrsaRequest = {
  providerArn,
  issuer,
  namespace: 'billing',
  serviceAccount: 'billing-api',
  audience: 'sts.amazonaws.com',
}
const irsa = (condition?: Record<string, Record<string, unknown>>, extra: PolicyStatement = {}): PolicyStatement => ({
  Effect: 'Allow',
  Principal: { Federated: providerArn },
  Action: 'sts:AssumeRoleWithWebIdentity',
  ...(condition ? { Condition: condition } : {}),
  ...extra,
})

describe('analyseIrsaTrust', () => {
  it.each([
    {
      name: 'StringEquals sub + aud',
      p: policy(
        irsa({
          StringEquals: {
            [`${issuer}:sub`]: 'system:serviceaccount:billing:billing-api',
            [`${issuer}:aud`]: 'sts.amazonaws.com',
          },
        }),
      ),
      status: 'pass',
    },
    {
      name: 'sub names the wrong namespace',
      p: policy(irsa({ StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:default:billing-api' } })),
      status: 'fail',
      reason: /allows system:serviceaccount:default:billing-api, not sub/,
    },
    {
      name: 'StringLike namespace pattern covers it',
      p: policy(irsa({ StringLike: { [`${issuer}:sub`]: 'system:serviceaccount:billing:*' } })),
      status: 'pass',
    },
    {
      name: 'StringLike pattern that does not cover it',
      p: policy(irsa({ StringLike: { [`${issuer}:sub`]: 'system:serviceaccount:orders:*' } })),
      status: 'fail',
    },
    {
      name: 'sub in a list of values',
      p: policy(
        irsa({
          StringEquals: {
            [`${issuer}:sub`]: ['system:serviceaccount:a:b', 'system:serviceaccount:billing:billing-api'],
          },
        }),
      ),
      status: 'pass',
    },
    {
      name: 'aud mismatch',
      p: policy(
        irsa({
          StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:billing:billing-api', [`${issuer}:aud`]: 'vault' },
        }),
      ),
      status: 'fail',
      reason: /not aud sts\.amazonaws\.com/,
    },
    {
      name: 'condition key in another case',
      p: policy(
        irsa({ StringEquals: { [`${issuer.toUpperCase()}:SUB`]: 'system:serviceaccount:billing:billing-api' } }),
      ),
      status: 'pass',
    },
    { name: 'no sub condition at all', p: policy(irsa()), status: 'warn', reason: /every service account/ },
    {
      name: 'other provider',
      p: policy({
        ...irsa(),
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/OTHER' },
      }),
      status: 'fail',
      reason: /another OIDC provider/,
    },
    {
      name: 'wrong action',
      p: policy(irsa(undefined, { Action: 'sts:AssumeRole' })),
      status: 'fail',
      reason: /does not allow/,
    },
    {
      name: 'several statements, second matches',
      p: policy(
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' },
        irsa({ StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:billing:billing-api' } }),
      ),
      status: 'pass',
    },
    {
      name: 'Deny for this subject',
      p: policy(
        irsa({ StringLike: { [`${issuer}:sub`]: '*' } }),
        irsa({ StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:billing:billing-api' } }, { Effect: 'Deny' }),
      ),
      status: 'fail',
      reason: /Deny/,
    },
    {
      name: 'extra condition with an unknown key',
      p: policy(
        irsa({
          StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:billing:billing-api' },
          IpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
        }),
      ),
      status: 'warn',
    },
  ])('$name → $status', ({ p, status, reason }) => {
    const verdict = analyseIrsaTrust(p, request)
    expect(verdict.status).toBe(status)
    if (reason) expect(verdict.reason).toMatch(reason)
  })
})

describe('fixes keep every other statement', () => {
  const other = {
    Sid: 'Keep',
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::111122223333:root' },
    Action: 'sts:AssumeRole',
    Custom: { x: 1 },
  }
  it('adds sts:TagSession to the existing pods statement', () => {
    const fixed = fixPodIdentityTrust(policy(other, { Effect: 'Allow', Principal: pods, Action: 'sts:AssumeRole' }))
    expect(fixed.Statement[0]).toEqual(other)
    expect(fixed.Statement[1]).toMatchObject({ Action: ['sts:AssumeRole', 'sts:TagSession'] })
    expect(analysePodIdentityTrust(fixed, ctx).status).toBe('pass')
  })
  it('appends the user guide statement when none trusts pods', () => {
    const fixed = fixPodIdentityTrust(policy(other))
    expect(fixed.Statement).toHaveLength(2)
    expect(analysePodIdentityTrust(fixed, ctx).status).toBe('pass')
  })
  it('appends an IRSA statement and keeps the wrong one', () => {
    const wrong = irsa({ StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:default:billing-api' } })
    const fixed = fixIrsaTrust({ ...policy(other, wrong), Id: 'keep-me' }, request)
    expect(fixed.Statement.slice(0, 2)).toEqual([other, wrong])
    expect(fixed.Id).toBe('keep-me')
    expect(analyseIrsaTrust(fixed, request).status).toBe('pass')
  })
})

describe('parseTrustPolicy', () => {
  const doc = { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: pods, Action: 'sts:AssumeRole' } }
  it('decodes IAM URL-encoded JSON and wraps a single statement', () => {
    const parsed = parseTrustPolicy(encodeURIComponent(JSON.stringify(doc)))
    expect(parsed).toEqual({ ok: true, policy: { ...doc, Statement: [doc.Statement] } })
  })
  it.each(['%E0%A4%A', '{nope', '[1]'])('refuses %s', (text) => {
    expect(parseTrustPolicy(text).ok).toBe(false)
  })
  it('diffs only the added lines', () => {
    const before = policy(other())
    const after = fixPodIdentityTrust(before)
    const diff = diffLines(formatTrustPolicy(before), formatTrustPolicy(after))
    expect(diff.filter((d) => d.kind === 'removed').length).toBeLessThanOrEqual(1) // at most a `}` that gains a comma
    expect(diff.filter((d) => d.kind === 'added').length).toBeGreaterThan(5)
  })
  function other(): PolicyStatement {
    return { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }
  }
})
