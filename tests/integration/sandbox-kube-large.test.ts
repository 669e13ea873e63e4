// The `scale` cluster (SANDBOX_SCALE=large): 5,000 nodes and 100,000 pods generated at start, served page by page
// without walking or copying the whole list.
import { request } from 'node:https'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ObjectCollection, type PageResult } from '@/sandbox/kube/object-collection'
import { SCALE, startTestKubeApi, type TestKubeApi } from '@/sandbox/kube/testing/start-test-kube-api'

let t: TestKubeApi

beforeAll(async () => {
  t = await startTestKubeApi({ admin: { user: { username: 'admin', groups: ['system:masters'] } } }, { scale: 'large' })
}, 60_000)
afterAll(async () => t?.close())

describe('large cluster', () => {
  // How long generating it takes is a benchmark figure (bench/sandbox-startup.ts), never a test assertion.
  it('is generated with 5,000 nodes and 100,000 pods over 200 namespaces', () => {
    const c = t.store.getCluster(SCALE)
    expect(c?.collection('/pods').size).toBe(100_000)
    expect(c?.collection('/nodes').size).toBe(5_000)
    expect(c?.collection('/namespaces').size).toBe(204)
  })

  it('serves pages of 500 pods by looking at ~500 stored objects, never the whole list', async () => {
    const pageSpy = vi.spyOn(ObjectCollection.prototype, 'page')
    const allSpy = vi.spyOn(ObjectCollection.prototype, 'all')
    const { core } = t.clientsFor('admin', SCALE)
    const first = await core.listPodForAllNamespaces({ limit: 500 })
    const second = await core.listPodForAllNamespaces({ limit: 500, _continue: first.metadata?._continue })
    expect(first.items).toHaveLength(500)
    expect(second.items).toHaveLength(500)
    expect(second.metadata?.remainingItemCount).toBe(99_000)
    expect(first.items.at(-1)?.metadata?.name).not.toBe(second.items[0]?.metadata?.name)
    const scanned = pageSpy.mock.results.map((r) => (r.value as PageResult).scanned)
    expect(scanned).toEqual([501, 501])
    expect(allSpy).not.toHaveBeenCalled()
    pageSpy.mockRestore()
    allSpy.mockRestore()
  })

  it('jumps straight to a namespace and filters lazily', async () => {
    const pageSpy = vi.spyOn(ObjectCollection.prototype, 'page')
    const { core } = t.clientsFor('admin', SCALE)
    const inNs = await core.listNamespacedPod({ namespace: 'scale-ns-150', limit: 100 })
    expect(inNs.items.every((p) => p.metadata?.namespace === 'scale-ns-150')).toBe(true)
    expect(inNs.items).toHaveLength(100)
    const failing = await core.listPodForAllNamespaces({ fieldSelector: 'status.phase=Failed', limit: 20 })
    expect(failing.items).toHaveLength(20)
    expect(failing.items.every((p) => p.status?.reason === 'Evicted')).toBe(true)
    const results = pageSpy.mock.results.map((r) => (r.value as PageResult).scanned)
    expect(results[0]).toBe(101)
    // 1 in 300 pods is Evicted: 21 matches need ~6,000 objects looked at, not 100,000.
    expect(results[1]).toBeLessThan(10_000)
    pageSpy.mockRestore()
  })

  it("lists one node's pods from an index, without walking the cluster's 100,000", async () => {
    const pageSpy = vi.spyOn(ObjectCollection.prototype, 'page')
    const { core } = t.clientsFor('admin', SCALE)
    const someNode = (await core.listPodForAllNamespaces({ limit: 1 })).items[0]?.spec?.nodeName ?? ''
    const onNode = await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${someNode}`, limit: 500 })
    expect(onNode.items.length).toBeGreaterThan(0)
    expect(onNode.items.every((p) => p.spec?.nodeName === someNode)).toBe(true)
    // The same answer a full scan gives (the index is a shortcut, not a different result).
    const all = t.store.getCluster(SCALE)?.collection('/pods').all() ?? []
    expect(onNode.items.map((p) => p.metadata?.name)).toEqual(
      all.filter((p) => (p.spec as { nodeName?: string }).nodeName === someNode).map((p) => p.metadata.name),
    )
    const scanned = pageSpy.mock.results.map((r) => (r.value as PageResult).scanned)
    expect(scanned.at(-1)).toBe(onNode.items.length)
    pageSpy.mockRestore()
  })

  it('streams a list page like kube-apiserver 1.33+: chunked, the envelope first, then items over several writes', async () => {
    const url = `${t.api.endpointFor(SCALE)}/api/v1/pods?limit=500`
    const { headers, chunks } = await new Promise<{ headers: Record<string, unknown>; chunks: Buffer[] }>(
      (resolve, reject) => {
        const req = request(url, { ca: t.api.caCertPem, headers: { authorization: 'Bearer admin' } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ headers: res.headers, chunks }))
        })
        req.on('error', reject)
        req.end()
      },
    )
    expect(headers['transfer-encoding']).toBe('chunked')
    expect(headers['content-length']).toBeUndefined()
    expect(chunks.length).toBeGreaterThan(4)
    expect(chunks[0]?.toString('utf8', 0, 60)).toMatch(/^\{"kind":"PodList","apiVersion":"v1","metadata":\{/)
    const list = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { items: object[]; metadata: object }
    expect(list.items).toHaveLength(500)
    // Like kube-apiserver, the list names kind and apiVersion once; items carry neither.
    expect(list.items[0]).not.toHaveProperty('kind')
    expect(list.items[0]).not.toHaveProperty('apiVersion')
    expect(list.metadata).toMatchObject({ remainingItemCount: 99_500 })
  })
})
