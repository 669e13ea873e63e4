import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { pageClusterRef, pageParams, pageTitleParams } = await import('./page-params')
const { podParamsSchema } = await import('@/lib/resources/resource-params')
const { subjectParamsSchema } = await import('@/lib/rbac/rbac-binding-schema')

// notFound() throws Next's 404 signal; its digest says which.
const notFound = expect.objectContaining({ digest: expect.stringMatching(/404/) })

describe('pageClusterRef', () => {
  it('names the cluster as Next decoded it, with no second decode', () => {
    expect(pageClusterRef({ region: 'us-west-2', cluster: 'prod-web' })).toEqual({
      region: 'us-west-2',
      name: 'prod-web',
    })
  })

  it.each([
    { region: 'us-west-2', cluster: 'prod%252Dweb' },
    { region: 'us%252Dwest-2', cluster: 'prod-web' },
    { region: 'us-west-2', cluster: '../x' },
  ])('$region/$cluster is the not-found page', (params) => {
    expect(() => pageClusterRef(params)).toThrow(notFound)
  })
})

describe('pageParams', () => {
  const base = { region: 'us-west-2', cluster: 'prod-web' }
  it('passes valid pod params through unchanged', () => {
    const params = { ...base, namespace: 'kube-system', name: 'coredns-1' }
    expect(pageParams(podParamsSchema, params)).toEqual(params)
  })

  // A page's params arrive still percent-encoded (Next's getParamValue encodes them for pages; route handlers get them
  // decoded): RBAC names hold `:` (`system:masters`, `team-b:EKSGetTokenAuth`), and the links encode it as %3A.
  it.each([
    ['a User with a colon', 'team-b%3AEKSGetTokenAuth', 'team-b:EKSGetTokenAuth'],
    ['a Group', 'system%3Amasters', 'system:masters'],
    ['an ARN', 'arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fadmin', 'arn:aws:iam::111122223333:role/admin'],
    ['a name encoded twice, decoded once only', 'a%253Ab', 'a%3Ab'],
  ])('decodes %s once', (_label, name, decoded) => {
    expect(pageParams(subjectParamsSchema, { kind: 'User', name })).toEqual({ kind: 'User', name: decoded })
  })

  it('a query value passed as decoded is not decoded again', () => {
    expect(() => pageParams(subjectParamsSchema, { kind: 'ServiceAccount', name: 'x' }, { namespace: 'a%61' })).toThrow(
      notFound,
    )
    expect(pageParams(subjectParamsSchema, { kind: 'ServiceAccount', name: 'x' }, { namespace: 'aa' })).toEqual({
      kind: 'ServiceAccount',
      name: 'x',
      namespace: 'aa',
    })
  })

  it('a segment that does not decode is the not-found page', () => {
    expect(() => pageParams(subjectParamsSchema, { kind: 'User', name: 'a%zz' })).toThrow(notFound)
  })

  it('a pod name encoded twice is the not-found page, not another pod', () => {
    expect(() => pageParams(podParamsSchema, { ...base, namespace: 'default', name: 'a%252Fb' })).toThrow(notFound)
  })
})

describe('pageTitleParams', () => {
  it.each([
    ['system%3Amasters', 'system:masters'],
    ['system%253Amasters', 'system%3Amasters'],
    ['100%', '100%'],
    ['plain', 'plain'],
  ])('a title shows %s as %s (decoded once; an escape that does not decode is shown as is)', (raw, shown) => {
    expect(pageTitleParams({ kind: 'Group', name: raw })).toEqual({ kind: 'Group', name: shown })
  })
})
