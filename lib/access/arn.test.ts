import { describe, expect, it } from 'vitest'

import {
  canonicalizeAssumedRole,
  isIamRoleArn,
  isIamUserArn,
  isServiceLinkedRole,
  parseArn,
  principalDisplayName,
} from './arn'

describe('parseArn', () => {
  it.each([
    [
      'arn:aws:iam::111122223333:role/dev/apps/my-role',
      {
        partition: 'aws',
        service: 'iam',
        account: '111122223333',
        resourceType: 'role',
        path: '/dev/apps/',
        name: 'my-role',
      },
    ],
    ['arn:aws:iam::111122223333:role/Admin', { resourceType: 'role', path: '/', name: 'Admin' }],
    ['arn:aws-cn:iam::111122223333:user/alice', { partition: 'aws-cn', resourceType: 'user', name: 'alice' }],
    [
      'arn:aws:sts::111122223333:assumed-role/TeamADeveloper/alice@example.com',
      { service: 'sts', resourceType: 'assumed-role', name: 'TeamADeveloper', sessionName: 'alice@example.com' },
    ],
    ['arn:aws:iam::111122223333:root', { resourceType: 'root', name: 'root' }],
    [
      'arn:aws:eks:us-west-2:111122223333:cluster/prod-web',
      { service: 'eks', region: 'us-west-2', resourceType: 'cluster', name: 'prod-web' },
    ],
    [
      'arn:aws:eks:us-west-2:111122223333:access-entry/prod-web/role/111122223333/Admin/d2cb8183-d6ec',
      { resourceType: 'access-entry', name: 'prod-web' },
    ],
    [
      'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
      { account: 'aws', region: '', resourceType: 'cluster-access-policy', name: 'AmazonEKSViewPolicy' },
    ],
  ])('%s', (arn, expected) => {
    expect(parseArn(arn)).toMatchObject(expected)
  })

  it.each([
    'not-an-arn',
    'arn:aws:iam::1111:role/x',
    'arn:aws:iam::111122223333:role/',
    'arn:aws:sts::111122223333:assumed-role/OnlyRole',
    'arn:gcp:iam::111122223333:role/x',
    '',
  ])('rejects %s', (arn) => {
    expect(parseArn(arn)).toBeUndefined()
  })
})

describe('principal predicates', () => {
  it.each([
    ['arn:aws:iam::111122223333:role/x', true, false, false],
    ['arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS', true, false, true],
    ['arn:aws:iam::111122223333:role/my-aws-service-role/x', true, false, false],
    ['arn:aws:iam::111122223333:user/alice', false, true, false],
    ['arn:aws:iam::111122223333:group/devs', false, false, false],
    ['arn:aws:sts::111122223333:assumed-role/x/s', false, false, false],
  ])('%s role=%s user=%s slr=%s', (arn, role, user, slr) => {
    expect(isIamRoleArn(arn)).toBe(role)
    expect(isIamUserArn(arn)).toBe(user)
    expect(isServiceLinkedRole(arn)).toBe(slr)
  })
})

describe('canonicalizeAssumedRole', () => {
  it.each([
    ['arn:aws:sts::111122223333:assumed-role/TeamADeveloper/alice', 'arn:aws:iam::111122223333:role/TeamADeveloper'],
    ['arn:aws-cn:sts::111122223333:assumed-role/R/i-0abc', 'arn:aws-cn:iam::111122223333:role/R'],
    ['arn:aws:iam::111122223333:user/alice', 'arn:aws:iam::111122223333:user/alice'],
    ['arn:aws:iam::111122223333:role/dev/R', 'arn:aws:iam::111122223333:role/dev/R'],
  ])('%s → %s', (arn, expected) => {
    expect(canonicalizeAssumedRole(arn)).toBe(expected)
  })
})

describe('principalDisplayName', () => {
  it.each([
    [
      'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/us-west-2/AWSReservedSSO_DevOps_0a1b',
      'AWSReservedSSO_DevOps_0a1b',
    ],
    ['arn:aws:iam::111122223333:user/alice', 'alice'],
    ['arn:aws:sts::111122223333:assumed-role/R/s', 'R/s'],
    ['arn:aws:iam::111122223333:root', 'Account 111122223333 (root)'],
    ['garbage', 'garbage'],
  ])('%s → %s', (arn, expected) => {
    expect(principalDisplayName(arn)).toBe(expected)
  })
})
