/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// The resource routes on the `scale` cluster (100,000 Pods, 5,000 nodes): a page is served by one limited Kubernetes
// list, never by listing everything; filters Kubernetes cannot apply stop at the scan bound with "keep searching".
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { ObjectCollection, type PageResult } from '@/sandbox/kube/object-collection'
import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

import { callRoute, getConsoleSession, sessionFor } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', async () => ({
  getConsoleSession: (await import('./console-access-harness')).getConsoleSession,
}))

let sandbox: TestSandbox
let pods: typeof import('@/app/api/clusters/[region]/[cluster]/pods/route')
let counts: typeof import('@/app/api/clusters/[region]/[cluster]/pods/counts/route')
let nodes: typeof import('@/app/api/clusters/[region]/[cluster]/nodes/route')
const scale = { region: 'us-west-2', cluster: 'scale' }

beforeAll(async () => {
  sandbox = await startTestSandbox({ scale: 'large' })
  process.env.AWS_ENDPOINT_URL = sandbox.url
  process.env.AWS_ACCESS_KEY_ID = sandbox.admin.credentials.accessKeyId
  process.env.AWS_SECRET_ACCESS_KEY = sandbox.admin.credentials.secretAccessKey
  process.env.AWS_REGION = 'us-west-2'
  pods = await import('@/app/api/clusters/[region]/[cluster]/pods/route')
  counts = await import('@/app/api/clusters/[region]/[cluster]/pods/counts/route')
  nodes = await import('@/app/api/clusters/[region]/[cluster]/nodes/route')
}, 120_000)
afterAll(async () => sandbox?.stop())
beforeEach(() => getConsoleSession.mockReset().mockResolvedValue(sessionFor('viewer')))

function spyPages() {
  const spy = vi.spyOn(ObjectCollection.prototype, 'page')
  return {
    scanned: () => spy.mock.results.map((r) => (r.value as PageResult).scanned),
    restore: () => spy.mockRestore(),
  }
}

describe('scale cluster', () => {
  it('serves a 500-Pod page with one limited list, and the next page from its cursor', async () => {
    const spy = spyPages()
    const first = await callRoute(pods.GET, scale, { query: '?limit=500' })
    expect(first.status).toBe(200)
    expect(first.body.rows).toHaveLength(500)
    expect(first.body.remaining).toBe(99_500)
    const second = await callRoute(pods.GET, scale, { query: `?limit=500&cursor=${first.body.cursor}` })
    expect(second.body.rows).toHaveLength(500)
    expect(second.body.rows[0].name).not.toBe(first.body.rows[499].name)
    expect(spy.scanned()).toEqual([501, 501])
    spy.restore()
  })

  it('pushes a namespace pick and a label selector down to Kubernetes', async () => {
    const spy = spyPages()
    const { body } = await callRoute(pods.GET, scale, { query: '?ns=scale-ns-150,scale-ns-151&labels=app%3Dsvc-03' })
    expect(body.rows.length).toBe(50)
    expect(new Set(body.rows.map((r: any) => r.namespace))).toEqual(new Set(['scale-ns-150', 'scale-ns-151']))
    // Two namespace-range lists of 500 objects each, not 100,000.
    expect(spy.scanned().every((n) => n <= 501)).toBe(true)
    spy.restore()
  })

  it('bounds a server-side reason filter and offers to keep searching', async () => {
    const { body } = await callRoute(pods.GET, scale, { query: '?status=CrashLoopBackOff&limit=500' })
    expect(body.rows.every((r: any) => r.status === 'CrashLoopBackOff')).toBe(true)
    expect(body.budgetExhausted).toBe(true)
    expect(body.scanned).toBeLessThanOrEqual(5_000)
    expect(body.cursor).toBeTruthy()
    const more = await callRoute(pods.GET, scale, { query: `?status=CrashLoopBackOff&limit=500&cursor=${body.cursor}` })
    expect(more.body.rows.length).toBeGreaterThan(0)
    expect(more.body.rows[0].name).not.toBe(body.rows.at(-1)?.name)
  })

  it('counts a namespace with a limit=1 list (remainingItemCount) and pages 5,000 nodes', async () => {
    const spy = spyPages()
    const { body } = await callRoute(counts.GET, scale, { query: '?namespaces=scale-ns-000,scale-ns-199' })
    expect(body.counts['scale-ns-000']).toEqual({ count: 500, atLeast: false, forbidden: null })
    expect(spy.scanned()).toEqual([2, 2])
    spy.restore()
    const n = await callRoute(nodes.GET, scale, { query: '?limit=100' })
    expect(n.body.rows).toHaveLength(100)
    expect(n.body.remaining).toBe(4_900)
  })
})
