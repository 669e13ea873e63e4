import { describe, expect, it } from 'vitest'

import { evaluateTrustPolicy, type AssumingPrincipal } from './trust-policy'

const ACCT = '111122223333'
const alice: AssumingPrincipal = { arn: `arn:aws:iam::${ACCT}:user/alice`, account: ACCT }
const platformSession: AssumingPrincipal = {
  arn: `arn:aws:sts::${ACCT}:assumed-role/PlatformAdmin/s1`,
  account: ACCT,
  roleArn: `arn:aws:iam::${ACCT}:role/PlatformAdmin`,
}
const outsider: AssumingPrincipal = { arn: 'arn:aws:iam::444455556666:user/eve', account: '444455556666' }

const policy = (...statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements })
const allow = (principal: unknown, extra: object = {}): object => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 'sts:AssumeRole',
  ...extra,
})

describe('evaluateTrustPolicy', () => {
  it.each([
    [
      'account root ARN trusts any user of the account',
      policy(allow({ AWS: `arn:aws:iam::${ACCT}:root` })),
      alice,
      true,
    ],
    ['bare account ID trusts the account', policy(allow({ AWS: ACCT })), alice, true],
    [
      'account root does not trust another account',
      policy(allow({ AWS: `arn:aws:iam::${ACCT}:root` })),
      outsider,
      false,
    ],
    ['a user ARN trusts that user', policy(allow({ AWS: [`arn:aws:iam::${ACCT}:user/bob`, alice.arn] })), alice, true],
    ['a user ARN does not trust another user', policy(allow({ AWS: `arn:aws:iam::${ACCT}:user/bob` })), alice, false],
    [
      'a role ARN trusts its sessions',
      policy(allow({ AWS: `arn:aws:iam::${ACCT}:role/PlatformAdmin` })),
      platformSession,
      true,
    ],
    [
      'a role ARN does not trust users',
      policy(allow({ AWS: `arn:aws:iam::${ACCT}:role/PlatformAdmin` })),
      alice,
      false,
    ],
    ['service principals never match users', policy(allow({ Service: 'eks.amazonaws.com' })), alice, false],
    [
      'federated principals never match users',
      policy(allow({ Federated: `arn:aws:iam::${ACCT}:oidc-provider/x` })),
      alice,
      false,
    ],
    ['Principal "*" matches anyone', policy(allow('*')), outsider, true],
    [
      'wrong action does not allow',
      policy({ ...allow({ AWS: ACCT }), Action: 'sts:AssumeRoleWithWebIdentity' }),
      alice,
      false,
    ],
    ['action wildcard allows', policy({ ...allow({ AWS: ACCT }), Action: ['sts:*'] }), alice, true],
    [
      'explicit deny wins',
      policy(allow({ AWS: ACCT }), { Effect: 'Deny', Principal: { AWS: alice.arn }, Action: 'sts:AssumeRole' }),
      alice,
      false,
    ],
    [
      'unknown condition key denies',
      policy(allow({ AWS: ACCT }, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })),
      alice,
      false,
    ],
    [
      'understood condition that holds allows',
      policy(allow({ AWS: ACCT }, { Condition: { StringLike: { 'aws:PrincipalArn': '*:user/a*' } } })),
      alice,
      true,
    ],
    [
      'understood condition that fails denies',
      policy(allow({ AWS: ACCT }, { Condition: { StringEquals: { 'sts:ExternalId': 'x' } } })),
      alice,
      false,
    ],
    [
      'NotPrincipal allow is not understood: deny',
      policy({ Effect: 'Allow', NotPrincipal: { AWS: 'x' }, Action: 'sts:AssumeRole' }),
      alice,
      false,
    ],
    ['no statements: deny', policy(), alice, false],
    ['invalid JSON: deny', '{nope', alice, false],
  ])('%s', (_name, doc, principal, expected) => {
    const decision = evaluateTrustPolicy(doc, {
      action: 'sts:AssumeRole',
      principal,
      context: { 'aws:principalarn': principal.arn },
    })
    expect(decision.allowed).toBe(expected)
  })

  it('passes sts:ExternalId through context', () => {
    const doc = policy(allow({ AWS: ACCT }, { Condition: { StringEquals: { 'sts:ExternalId': 'secret-1' } } }))
    const ok = evaluateTrustPolicy(doc, {
      action: 'sts:AssumeRole',
      principal: alice,
      context: { 'sts:externalid': 'secret-1' },
    })
    const bad = evaluateTrustPolicy(doc, {
      action: 'sts:AssumeRole',
      principal: alice,
      context: { 'sts:externalid': 'other' },
    })
    expect([ok.allowed, bad.allowed]).toEqual([true, false])
  })
})
