// The access page's server-rendered first screen, through the real SDK against the sandbox: the head and the first
// screen of entries in list order, then the load holds while the page renders and goes on in the background, sharing
// its calls with the browser's stream; a cluster smaller than a screen comes complete; a failure resolves to what
// arrived instead of failing the page.
import { CreateAccessEntryCommand, EKSClient } from '@aws-sdk/client-eks'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import type { AccessEntriesLine } from '@/lib/access/access-entries-stream'

import { setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))

const sandbox = setUpConsoleAccessSandbox()
let readFirstScreen: typeof import('@/lib/access/server/access-entries-first-screen').readAccessEntriesFirstScreen
let listArns: typeof import('@/lib/aws/access-entries').listAccessEntryArns
const describedArns: string[] = []
// Many more than a screen and than the calls the load keeps in flight.
const EXTRA_ENTRIES = 200

beforeAll(async () => {
  readFirstScreen = (await import('@/lib/access/server/access-entries-first-screen')).readAccessEntriesFirstScreen
  listArns = (await import('@/lib/aws/access-entries')).listAccessEntryArns
  // Another account's roles (EKS checks only same-account principals exist): enough for more than one screen.
  const eks = new EKSClient(sandbox().admin)
  for (let i = 0; i < EXTRA_ENTRIES; i++) {
    const principalArn = `arn:aws:iam::444455556666:role/first-screen-${String(i).padStart(3, '0')}`
    await eks.send(new CreateAccessEntryCommand({ clusterName: 'prod-web', principalArn }))
  }
  // Every DescribeAccessEntry the console sends, by principal: what the load described before it stopped.
  const { getEksClient } = await import('@/lib/aws/aws-clients')
  type Next = (args: { input?: { principalArn?: string } }) => Promise<unknown>
  type Stack = { add: (m: (next: Next, context: { commandName?: string }) => Next, o: object) => void }
  for (const client of [getEksClient('us-west-2'), getEksClient('us-west-2', { bulk: true })]) {
    ;(client.middlewareStack as unknown as Stack).add(
      (next, context) => (args) => {
        if (context.commandName === 'DescribeAccessEntryCommand') describedArns.push(args.input?.principalArn ?? '')
        return next(args)
      },
      { step: 'initialize', name: 'firstScreenTestCounter' },
    )
  }
}, 60_000)

const entriesOf = (lines: AccessEntriesLine[]) =>
  lines.flatMap((line) => (line.kind === 'entries' ? line.entries.map((e) => e.principalArn) : []))

describe('readAccessEntriesFirstScreen', () => {
  it('gives the head and a screen of entries in list order, holds while the page renders, then describes the rest once', async () => {
    const order = await listArns({ region: 'us-west-2', cluster: 'prod-web' })
    expect(order.length).toBeGreaterThan(EXTRA_ENTRIES)
    // The second hundred of the extra entries are slow to describe, as a busy EKS would be: the load is still on them
    // when the first screen is in.
    sandbox().sandbox.faults.replaceRules([
      {
        service: 'eks',
        operation: 'DescribeAccessEntry',
        pathContains: 'first-screen-1',
        kind: 'latency',
        latencyMs: 300,
      },
    ])
    describedArns.length = 0
    // A busy test machine may take longer than the page would wait: that cut-off is not what this test is about.
    const lines = await readFirstScreen('us-west-2', 'prod-web', { waitMs: 30_000, headroomMs: 1_500 })
    const describedForFirstScreen = [...describedArns]
    expect(lines[0]).toMatchObject({ kind: 'head', head: { available: true } })
    const shown = entriesOf(lines)
    expect(shown).toEqual(order.slice(0, 20))
    // The first screen was described alone: no call for a later entry competed with it.
    expect(describedForFirstScreen.sort()).toEqual(order.slice(0, 20).sort())
    expect(lines.some((line) => line.kind === 'page')).toBe(false)

    // While the page renders no describe starts (the ones in flight were sent before the screen was full).
    await new Promise((resolve) => setTimeout(resolve, 100))
    const whileRendering = describedArns.length
    expect(whileRendering).toBeLessThan(order.length)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(describedArns.length).toBe(whileRendering)

    // Then the load goes on; the browser's stream, opened meanwhile, shares its calls: every entry is described once.
    const { loadAccessEntriesPage } = await import('@/lib/access/server/list-access-entries')
    const page = await loadAccessEntriesPage('us-west-2', 'prod-web')
    expect(page.entries.map((e) => e.principalArn).sort()).toEqual([...order].sort())
    await vi.waitFor(() => expect(new Set(describedArns).size).toBe(order.length), { timeout: 20_000 })
    expect(describedArns.length).toBe(order.length)
  }, 60_000)

  it('brings a cluster smaller than a screen complete, with its page line', async () => {
    const lines = await readFirstScreen('us-west-2', 'ml-auto', { waitMs: 30_000 })
    expect(lines[0]?.kind).toBe('head')
    const page = lines.at(-1)
    expect(page?.kind).toBe('page')
    if (page?.kind === 'page')
      expect(entriesOf(lines).sort()).toEqual(page.page.entries.map((e) => e.principalArn).sort())
  }, 60_000)

  it('resolves to what arrived when the load fails or outlasts the wait, so the page still renders', async () => {
    sandbox().sandbox.faults.replaceRules([
      { service: 'eks', operation: 'ListAccessEntries', kind: 'latency', latencyMs: 2_000 },
    ])
    expect((await readFirstScreen('us-west-2', 'prod-web', { waitMs: 300 })).map((line) => line.kind)).toEqual(['head'])
    await expect(readFirstScreen('us-west-2', 'no-such-cluster')).resolves.toEqual([])
    sandbox().sandbox.faults.replaceRules([{ service: 'eks', operation: 'ListNodegroups', kind: 'error', status: 500 }])
    const lines = await readFirstScreen('us-west-2', 'prod-web', { waitMs: 30_000 })
    expect(lines.map((line) => line.kind)).toEqual(['head'])
  }, 60_000)
})
