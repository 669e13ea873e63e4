/* eslint-disable @typescript-eslint/no-explicit-any -- NDJSON lines are checked by the assertions, not by types */
// GET …/access-entries?stream=1 through the real SDK against the sandbox: the head first, the entries in
// ListAccessEntries order (even when EKS answers a later one first), then the complete page; a failure after the
// head ends the stream with an error line, never a silently short list.
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callNdjsonRoute, setUpConsoleAccessSandbox, streamedPrincipals } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const sandbox = setUpConsoleAccessSandbox({ role: 'viewer' })
let list: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
let listArns: typeof import('@/lib/aws/access-entries').listAccessEntryArns

const prod = { region: 'us-west-2', cluster: 'prod-web' }

beforeAll(async () => {
  list = await import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
  listArns = (await import('@/lib/aws/access-entries')).listAccessEntryArns
})

const stream = (params: typeof prod, query = '?stream=1&fresh=1') => callNdjsonRoute(list.GET, params, query)

describe('access entries as NDJSON', () => {
  it('streams every entry once, in list order, then the same page the JSON answer gives', async () => {
    const order = await listArns({ region: prod.region, cluster: prod.cluster })
    expect(order.length).toBeGreaterThan(3)
    // EKS answers the first entry last: the stream must still start with it.
    sandbox().sandbox.faults.replaceRules([
      { service: 'eks', operation: 'DescribeAccessEntry', pathContains: order[0], kind: 'latency', latencyMs: 400 },
    ])
    const { status, lines } = await stream(prod)
    expect(status).toBe(200)
    expect(lines[0]).toMatchObject({ kind: 'head', head: { available: true, cluster: { name: 'prod-web' } } })
    const last = lines.at(-1)
    expect(last.kind).toBe('page')
    const streamed = streamedPrincipals(lines)
    expect(streamed).toEqual(order)
    expect(lines.filter((l) => l.kind === 'entries').length).toBeGreaterThan(0)

    sandbox().sandbox.faults.clearRules()
    const json = await list.GET(new Request('http://console.test/api/x?fresh=1'), { params: Promise.resolve(prod) })
    const page = (await json.json()) as any
    expect(last.page.entries.map((e: any) => e.principalArn)).toEqual(page.entries.map((e: any) => e.principalArn))
    expect([...streamed].sort()).toEqual(page.entries.map((e: any) => e.principalArn).sort())
  }, 60_000)

  it('fails closed while partial: a streamed cluster admin carries the lockout risk until the page counts them all', async () => {
    const { lines } = await stream(prod)
    const admins = lines
      .filter((l) => l.kind === 'entries')
      .flatMap((l) => l.entries)
      .filter((e: any) => e.policies.some((p: any) => p.policyArn.endsWith('/AmazonEKSClusterAdminPolicy')))
    expect(admins.length).toBeGreaterThan(0)
    for (const admin of admins) expect(admin.lockoutRisk).not.toBeNull()
  }, 60_000)

  it('ends with an error line when the load fails after the head, with no page line', async () => {
    sandbox().sandbox.faults.replaceRules([{ service: 'eks', operation: 'ListNodegroups', kind: 'error', status: 500 }])
    const { status, lines } = await stream(prod)
    expect(status).toBe(200)
    expect(lines[0].kind).toBe('head')
    expect(lines.at(-1)).toMatchObject({ kind: 'error', error: { code: 'upstream_unavailable' } })
    expect(lines.some((l) => l.kind === 'page')).toBe(false)
  }, 60_000)

  it('answers a failure before the head with its status, as the JSON route does', async () => {
    const { status, text } = await stream({ region: 'us-west-2', cluster: 'no-such-cluster' })
    expect(status).toBe(404)
    expect(JSON.parse(text).error.code).toBe('not_found')
  }, 60_000)
})
