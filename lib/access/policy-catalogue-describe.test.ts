import { describe, expect, it } from 'vitest'

import { describeAccessPolicy, toAssociatedPolicyDto } from './policy-catalogue'

const arn = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`

describe('describeAccessPolicy', () => {
  it('explains a known policy from the catalogue', () => {
    expect(describeAccessPolicy('AmazonEKSEditPolicy', arn('AmazonEKSEditPolicy'))).toMatchObject({
      category: 'user',
      typicalScope: 'namespace',
      documented: true,
      managedByEks: false,
      rules: expect.arrayContaining([expect.objectContaining({ resources: expect.arrayContaining(['configmaps']) })]),
    })
    expect(describeAccessPolicy('AmazonEKSAutoNodePolicy', arn('AmazonEKSAutoNodePolicy')).managedByEks).toBe(true)
  })

  it('keeps a policy the catalogue does not know, marked "rules not documented" rather than hidden', () => {
    expect(describeAccessPolicy('AmazonEKSFuturePolicy', arn('AmazonEKSFuturePolicy'))).toEqual({
      name: 'AmazonEKSFuturePolicy',
      arn: arn('AmazonEKSFuturePolicy'),
      summary: null,
      category: null,
      typicalScope: null,
      documented: false,
      managedByEks: false,
      rules: null,
    })
  })
})

describe('toAssociatedPolicyDto', () => {
  const association = (policyArn: string) => ({
    policyArn,
    accessScope: { type: 'cluster' as const, namespaces: [] },
    associatedAt: null,
    modifiedAt: null,
  })
  it.each([
    ['an EKS policy ARN', arn('AmazonEKSViewPolicy'), 'AmazonEKSViewPolicy'],
    ['a GovCloud ARN', 'arn:aws-us-gov:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy', 'AmazonEKSAdminPolicy'],
    [
      'an ARN that is not an access policy',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    ],
    ['an empty ARN', '', ''],
  ])('names %s', (_label, policyArn, policyName) => {
    expect(toAssociatedPolicyDto(association(policyArn))).toEqual({ ...association(policyArn), policyName })
  })
})
