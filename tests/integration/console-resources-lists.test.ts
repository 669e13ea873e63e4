/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// The resource routes against a real sandbox: paging through Kubernetes with limit/continue, selectors pushed down,
// filters Kubernetes cannot apply run on the console's server, counts, details and events.
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, getConsoleSession, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

setUpConsoleAccessSandbox({ role: 'viewer' })
let pods: typeof import('@/app/api/clusters/[region]/[cluster]/pods/route')
let pod: typeof import('@/app/api/clusters/[region]/[cluster]/pods/[namespace]/[name]/route')
let counts: typeof import('@/app/api/clusters/[region]/[cluster]/pods/counts/route')
let nodes: typeof import('@/app/api/clusters/[region]/[cluster]/nodes/route')
let node: typeof import('@/app/api/clusters/[region]/[cluster]/nodes/[name]/route')
let namespaces: typeof import('@/app/api/clusters/[region]/[cluster]/namespaces/route')
let events: typeof import('@/app/api/clusters/[region]/[cluster]/events/route')

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const legacy = { region: 'us-west-2', cluster: 'legacy-batch' }

beforeAll(async () => {
  pods = await import('@/app/api/clusters/[region]/[cluster]/pods/route')
  pod = await import('@/app/api/clusters/[region]/[cluster]/pods/[namespace]/[name]/route')
  counts = await import('@/app/api/clusters/[region]/[cluster]/pods/counts/route')
  nodes = await import('@/app/api/clusters/[region]/[cluster]/nodes/route')
  node = await import('@/app/api/clusters/[region]/[cluster]/nodes/[name]/route')
  namespaces = await import('@/app/api/clusters/[region]/[cluster]/namespaces/route')
  events = await import('@/app/api/clusters/[region]/[cluster]/events/route')
})

async function collectAll(query: string, limit: number) {
  const rows: any[] = []
  let cursor: string | null = null
  let calls = 0
  do {
    const sep = query ? '&' : ''
    const { status, body }: { status: number; body: any } = await callRoute(pods.GET, prod, {
      query: `?${query}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    })
    expect(status).toBe(200)
    rows.push(...body.rows)
    cursor = body.cursor
    calls++
  } while (cursor && calls < 100)
  return { rows, calls }
}

describe('GET pods', () => {
  it('pages the whole cluster in name order with limit/continue, with no duplicates or gaps', async () => {
    const small = await collectAll('', 7)
    const big = await collectAll('', 500)
    expect(big.calls).toBe(1)
    expect(small.rows.map((r) => `${r.namespace}/${r.name}`)).toEqual(big.rows.map((r) => `${r.namespace}/${r.name}`))
    expect(small.calls).toBe(Math.ceil(big.rows.length / 7))
    const keys = big.rows.map((r) => `${r.namespace}/${r.name}`)
    expect([...keys].sort()).toEqual(keys)
  })

  it('returns compact rows with the real status reason, ready count, restarts and service account', async () => {
    const { rows } = await collectAll('', 500)
    expect(Object.keys(rows[0]).sort()).toEqual(
      [
        'containers',
        'createdAt',
        'ip',
        'name',
        'namespace',
        'node',
        'phase',
        'ready',
        'restarts',
        'serviceAccount',
        'status',
      ].sort(),
    )
    const statuses = new Set(rows.map((r) => r.status))
    for (const s of ['Running', 'CrashLoopBackOff', 'ImagePullBackOff', 'Unschedulable', 'Completed']) {
      expect(statuses, s).toContain(s)
    }
    const crashing = rows.find((r) => r.status === 'CrashLoopBackOff')
    expect(crashing.restarts).toBeGreaterThan(0)
    expect(crashing.ready).toBe(0)
  })

  it('walks several namespaces in order and pages across their boundary', async () => {
    const all = await collectAll('ns=kube-system,default', 500)
    const paged = await collectAll('ns=kube-system,default', 3)
    expect(paged.rows).toEqual(all.rows)
    expect(new Set(all.rows.map((r) => r.namespace))).toEqual(
      new Set(['kube-system', 'default'].filter((ns) => all.rows.some((r) => r.namespace === ns))),
    )
  })

  it('pushes node, phase and label filters down and filters reasons and names on the server', async () => {
    const { rows } = await collectAll('', 500)
    const withNode = rows.find((r) => r.node)
    const byNode = await collectAll(`node=${withNode.node}`, 500)
    expect(byNode.rows.length).toBeGreaterThan(0)
    expect(byNode.rows.every((r) => r.node === withNode.node)).toBe(true)
    // The short name the tables show finds the same pods.
    const byShortName = await collectAll(`node=${withNode.node.replace(/\.us-west-2\.compute\.internal$/, '')}`, 500)
    expect(byShortName.rows).toEqual(byNode.rows)
    const crash = await collectAll('status=CrashLoopBackOff', 500)
    expect(crash.rows.length).toBe(rows.filter((r) => r.status === 'CrashLoopBackOff').length)
    const search = await collectAll('q=CORE', 500)
    expect(search.rows.length).toBeGreaterThan(0)
    expect(search.rows.every((r) => r.name.includes('core'))).toBe(true)
    const labelled = rows.find((r) => r.namespace === 'kube-system' && r.name.startsWith('coredns'))
    const byLabel = await collectAll('labels=app%3Dcoredns', 500)
    expect(byLabel.rows.map((r) => r.name)).toContain(labelled.name)
  })

  it('answers a bad label selector with 400 and a bad cursor with 400', async () => {
    expect((await callRoute(pods.GET, prod, { query: '?labels=%3D%3D%3D' })).status).toBe(400)
    expect((await callRoute(pods.GET, prod, { query: '?cursor=nope' })).status).toBe(400)
  })

  it('requires a session', async () => {
    getConsoleSession.mockResolvedValue(null)
    expect((await callRoute(pods.GET, prod)).status).toBe(401)
  })
})

describe('details, counts and events', () => {
  it('describes a crash-looping pod with its events and node', async () => {
    const { body: page } = await callRoute(pods.GET, legacy, { query: '?status=CrashLoopBackOff' })
    const row = page.rows[0]
    const { status, body } = await callRoute(pod.GET, { ...legacy, namespace: row.namespace, name: row.name })
    expect(status).toBe(200)
    expect(body.row.status).toBe('CrashLoopBackOff')
    expect(body.yaml).toContain(`name: ${row.name}`)
    expect(body.containers[0].lastTermination).toMatch(/Terminated/)
    const ev = await callRoute(events.GET, legacy, { query: `?kind=Pod&name=${row.name}&namespace=${row.namespace}` })
    expect(ev.body.events.map((e: any) => e.reason)).toContain('BackOff')
    const nd = await callRoute(node.GET, { ...legacy, name: row.node })
    expect(nd.body.row.source).toEqual({ kind: 'nodegroup', name: 'batch-workers' })
  })

  it('answers 404 for a pod that does not exist', async () => {
    expect((await callRoute(pod.GET, { ...prod, namespace: 'default', name: 'nope' })).status).toBe(404)
  })

  it('counts pods per namespace and per node', async () => {
    const { rows } = await collectAll('', 500)
    const { body } = await callRoute(counts.GET, prod, { query: '?namespaces=kube-system,default' })
    expect(body.counts['kube-system'].count).toBe(rows.filter((r) => r.namespace === 'kube-system').length)
    expect(body.counts.default.count).toBe(rows.filter((r) => r.namespace === 'default').length)
    const nodeName = rows.find((r) => r.node).node
    const byNode = await callRoute(counts.GET, prod, { query: `?nodes=${nodeName}` })
    expect(byNode.body.counts[nodeName].count).toBe(rows.filter((r) => r.node === nodeName).length)
  })

  it('lists nodes with their source (Auto Mode node pools on ml-auto) and namespaces with a search', async () => {
    const { body } = await callRoute(nodes.GET, { region: 'us-west-2', cluster: 'ml-auto' })
    expect(body.rows.map((r: any) => r.source.kind)).toEqual(body.rows.map(() => 'auto-mode'))
    expect(body.rows[0]).toMatchObject({ status: 'Ready', zone: expect.stringMatching(/^us-west-2/) })
    const ns = await callRoute(namespaces.GET, prod, { query: '?q=kube' })
    expect(ns.body.rows.map((r: any) => r.name)).toEqual(expect.arrayContaining(['kube-system', 'kube-public']))
    expect(ns.body.rows.every((r: any) => r.name.includes('kube'))).toBe(true)
  })
})
