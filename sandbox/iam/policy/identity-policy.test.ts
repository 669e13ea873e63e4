import { describe, expect, it } from 'vitest'

import { evaluateIdentityDocument, type PolicyRequest } from './identity-policy'

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement })
const CLUSTER = 'arn:aws:eks:us-west-2:111122223333:cluster/prod-web'
const request = (over: Partial<PolicyRequest> = {}): PolicyRequest => ({
  action: 'eks:DescribeCluster',
  resource: CLUSTER,
  context: { 'aws:username': 'alice', 'aws:principaltype': 'User' },
  ...over,
})

describe('evaluateIdentityDocument', () => {
  it.each([
    ['Allow *', doc({ Effect: 'Allow', Action: '*', Resource: '*' }), request(), { allow: true, deny: false }],
    [
      'action wildcard, case-insensitive',
      doc({ Effect: 'Allow', Action: 'EKS:describe*', Resource: CLUSTER }),
      request(),
      { allow: true, deny: false },
    ],
    [
      'resource wildcard that does not match',
      doc({ Effect: 'Allow', Action: 'eks:*', Resource: 'arn:aws:eks:*:*:cluster/ml-*' }),
      request(),
      { allow: false, deny: false },
    ],
    [
      'NotAction allows everything else',
      doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
      request(),
      { allow: true, deny: false },
    ],
    [
      'NotAction excludes the action',
      doc({ Effect: 'Allow', NotAction: 'eks:*', Resource: '*' }),
      request(),
      { allow: false, deny: false },
    ],
    [
      'NotResource',
      doc({ Effect: 'Deny', Action: '*', NotResource: 'arn:aws:eks:*:*:cluster/prod-*' }),
      request(),
      { allow: false, deny: false },
    ],
    [
      'explicit Deny next to an Allow',
      doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'eks:Describe*', Resource: '*' }),
      request(),
      { allow: true, deny: true },
    ],
    [
      'policy variable ${aws:username}',
      doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::111122223333:user/${aws:username}' }),
      request({ action: 'iam:GetUser', resource: 'arn:aws:iam::111122223333:user/alice' }),
      { allow: true, deny: false },
    ],
    [
      'policy variable for a role session (no aws:username): an Allow does not apply',
      doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::111122223333:user/${aws:username}' }),
      request({ action: 'iam:GetUser', resource: 'arn:aws:iam::111122223333:user/', context: {} }),
      { allow: false, deny: false },
    ],
    [
      'a known condition key that matches',
      doc({
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalType': 'User' } },
      }),
      request(),
      { allow: true, deny: false },
    ],
    [
      'an unknown condition key never grants, but its Deny applies',
      doc(
        { Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:SourceIp': '10.0.0.1' } } },
      ),
      request(),
      { allow: false, deny: true },
    ],
    ['not JSON', '{', request(), { allow: false, deny: false }],
  ])('%s', (_name, document, req, expected) => {
    expect(evaluateIdentityDocument(document, req)).toEqual(expected)
  })
})
