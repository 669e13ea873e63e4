// The browser's stream follows the load the access page's first screen started (lib/access/server/
// access-entries-relay.ts), through the real SDK against the sandbox: the same lines a load of its own gives, with the
// cluster listed once; a fresh stream, or one opened after that load ended, loads for itself; a failure before the
// head still answers with its status.
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callNdjsonRoute, setUpConsoleAccessSandbox, streamedPrincipals } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const sandbox = setUpConsoleAccessSandbox({ role: 'viewer' })
let list: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
let readFirstScreen: typeof import('@/lib/access/server/access-entries-first-screen').readAccessEntriesFirstScreen
const prod = { region: 'us-west-2', cluster: 'prod-web' }
// Every EKS command the console sends, by name (counted on its real clients, added before their first call).
const commands: string[] = []
const listings = () => commands.filter((name) => name === 'ListAccessEntriesCommand').length

beforeAll(async () => {
  list = await import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
  readFirstScreen = (await import('@/lib/access/server/access-entries-first-screen')).readAccessEntriesFirstScreen
  const { getEksClient } = await import('@/lib/aws/aws-clients')
  for (const client of [getEksClient('us-west-2'), getEksClient('us-west-2', { bulk: true })]) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push(context.commandName ?? '?')
        return next(args)
      },
      { step: 'initialize', name: 'relayTestCounter' },
    )
  }
})

const stream = (params: { region: string; cluster: string }, query: string) => callNdjsonRoute(list.GET, params, query)

describe("the access-entries stream and the first screen's load", () => {
  it('follows the load in flight: the same lines as a load of its own, and the cluster listed once', async () => {
    // First in the file: the detail cache is empty, so the first screen's load has to describe every entry.
    commands.length = 0
    // EKS is slow to describe: the page renders its first screen (whatever came in 100 ms), then the browser's stream
    // opens while that load is still going on.
    sandbox().sandbox.faults.replaceRules([
      { service: 'eks', operation: 'DescribeAccessEntry', kind: 'latency', latencyMs: 300 },
    ])
    const firstScreen = await readFirstScreen(prod.region, prod.cluster, { waitMs: 100, headroomMs: 0 })
    expect(firstScreen.some((line) => line.kind === 'page')).toBe(false)
    const followed = await stream(prod, '?stream=1')
    sandbox().sandbox.faults.clearRules()
    expect(followed.status).toBe(200)
    expect(listings()).toBe(1)
    const own = await stream(prod, '?stream=1&fresh=1')
    expect(own.lines.at(-1).kind).toBe('page')
    expect(followed.lines[0]).toMatchObject({ kind: 'head', head: { available: true, cluster: { name: 'prod-web' } } })
    expect(streamedPrincipals(followed.lines)).toEqual(streamedPrincipals(own.lines))
    const page = followed.lines.at(-1)
    expect(page.kind).toBe('page')
    expect(page.page.entries).toEqual(own.lines.at(-1).page.entries)

    // That load has ended: the next stream loads for itself (the fresh one above did too).
    await stream(prod, '?stream=1')
    expect(listings()).toBe(3)
  }, 60_000)

  it('never follows for a fresh stream (Refresh)', async () => {
    commands.length = 0
    const firstScreen = readFirstScreen(prod.region, prod.cluster, { waitMs: 30_000, headroomMs: 200 })
    const fresh = await stream(prod, '?stream=1&fresh=1')
    await firstScreen
    expect(fresh.lines.at(-1).kind).toBe('page')
    expect(listings()).toBe(2)
  }, 60_000)

  it('answers a failure before the head with its status, as a load of its own would', async () => {
    const missing = { region: 'us-west-2', cluster: 'no-such-cluster' }
    // The stream opens while the first screen's load still waits for DescribeCluster, which then says no.
    sandbox().sandbox.faults.replaceRules([
      { service: 'eks', operation: 'DescribeCluster', kind: 'latency', latencyMs: 300 },
    ])
    expect(await readFirstScreen(missing.region, missing.cluster, { waitMs: 50 })).toEqual([])
    commands.length = 0
    expect((await stream(missing, '?stream=1')).status).toBe(404)
    expect(commands).toEqual([])
  }, 60_000)
})
