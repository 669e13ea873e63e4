import { describe, expect, it } from 'vitest'

import { isNodeAccessEntryType, normalizeAccessEntryType } from './access-entry-type'
import { defaultUsername, describeAccessEntryType } from './default-username'

const ROLE = 'arn:aws:iam::111122223333:role/development/apps/my-role'
const USER = 'arn:aws:iam::111122223333:user/eks-user'

describe('defaultUsername', () => {
  it.each([
    [USER, 'STANDARD', USER],
    [ROLE, 'STANDARD', 'arn:aws:sts::111122223333:assumed-role/my-role/{{SessionName}}'],
    ['arn:aws-cn:iam::111122223333:role/R', undefined, 'arn:aws-cn:sts::111122223333:assumed-role/R/{{SessionName}}'],
    [ROLE, 'EC2_LINUX', 'system:node:{{EC2PrivateDNSName}}'],
    [ROLE, 'EC2_Windows', 'system:node:{{EC2PrivateDNSName}}'],
    [ROLE, 'EC2', 'system:node:{{EC2PrivateDNSName}}'],
    [ROLE, 'FARGATE_LINUX', 'system:node:{{SessionName}}'],
    [ROLE, 'HYBRID_LINUX', 'system:node:{{SessionName}}'],
    [USER, 'EC2_LINUX', undefined],
    [ROLE, 'BOGUS', undefined],
    ['arn:aws:sts::111122223333:assumed-role/R/s', 'STANDARD', undefined],
    ['arn:aws:iam::111122223333:group/devs', 'STANDARD', undefined],
  ])('%s %s → %s', (arn, type, expected) => {
    expect(defaultUsername(arn, type)).toBe(expected)
  })
})

describe('access entry types', () => {
  it.each([
    ['STANDARD', 'STANDARD', false],
    [undefined, 'STANDARD', false],
    ['EC2_Linux', 'EC2_LINUX', true],
    ['EC2', 'EC2', true],
    ['HYPERPOD_LINUX', 'HYPERPOD_LINUX', true],
    ['nope', undefined, false],
  ])('%s → %s, node=%s', (input, normalized, node) => {
    expect(normalizeAccessEntryType(input)).toBe(normalized)
    expect(isNodeAccessEntryType(input)).toBe(node)
  })

  it.each([
    ['STANDARD', /access policies/],
    ['EC2', /AmazonEKSAutoNodePolicy/],
    ['FARGATE_LINUX', /Fargate/],
    ['SOMETHING_NEW', /does not know/],
  ])('describeAccessEntryType(%s)', (type, pattern) => {
    expect(describeAccessEntryType(type)).toMatch(pattern)
  })
})
