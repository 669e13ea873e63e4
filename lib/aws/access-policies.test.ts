import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { describeAccessPolicy } = await import('./access-policies')

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
