// The access page's server-rendered first screen, through the real SDK against the sandbox: the head and the first
// screen of entries in list order, then the load stops (the browser's stream describes the rest); a cluster smaller
// than a screen comes complete; a failure resolves to what arrived instead of failing the page.
import { CreateAccessEntryCommand, EKSClient } from '@aws-sdk/client-eks'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import type { AccessEntriesLine } from '@/lib/access/access-entries-stream'

import { setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))

const sandbox = setUpConsoleAccessSandbox()
let readFirstScreen: typeof import('@/lib/access/server/access-entries-first-screen').readAccessEntriesFirstScreen
let listArns: typeof import('@/lib/aws/access-entries').listAccessEntryArns
const describedArns: string[] = []
// Many more than a screen and than the calls the load keeps in flight, so a load that does not stop would reach them.
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
  it('gives the head and a screen of entries in list order, then stops describing', async () => {
    const order = await listArns({ region: 'us-west-2', cluster: 'prod-web' })
    expect(order.length).toBeGreaterThan(EXTRA_ENTRIES)
    // The second hundred of the extra entries are slow to describe: the load reaches them only after the first screen
    // is in, and a load that went on would keep starting them.
    sandbox().sandbox.faults.replaceRules([
      {
        service: 'eks',
        operation: 'DescribeAccessEntry',
        pathContains: 'first-screen-1',
        kind: 'latency',
        latencyMs: 600,
      },
    ])
    describedArns.length = 0
    // A busy test machine may take longer than the page would wait: that cut-off is not what this test is about.
    const lines = await readFirstScreen('us-west-2', 'prod-web', { waitMs: 30_000 })
    expect(lines[0]).toMatchObject({ kind: 'head', head: { available: true } })
    const shown = entriesOf(lines)
    expect(shown.length).toBeGreaterThanOrEqual(20)
    expect(shown).toEqual(order.slice(0, shown.length))
    expect(lines.some((line) => line.kind === 'page')).toBe(false)
    // The calls in flight finish; nothing new starts once the screen is full (a load that went on would have sent the
    // last ones by now: 100 slow entries, 32 at a time, 600 ms each).
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    const described = new Set(describedArns)
    expect(described.size).toBeLessThan(order.length)
    expect(order.slice(-10).some((arn) => described.has(arn))).toBe(false)
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
