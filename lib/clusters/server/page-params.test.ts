import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { pageClusterRef, pageParams } = await import('./page-params')
const { podParamsSchema } = await import('@/lib/resources/resource-params')

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
    { region: 'us-west-2', cluster: 'prod%2Dweb' },
    { region: 'us%2Dwest-2', cluster: 'prod-web' },
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

  it('a pod name encoded twice is the not-found page, not another pod', () => {
    expect(() => pageParams(podParamsSchema, { ...base, namespace: 'default', name: 'a%252Fb' })).toThrow(notFound)
  })
})
