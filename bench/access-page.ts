// The access page's data for the `scale` cluster (1,000 entries, 1–3 policies each) with 50 ms injected on every
// sandbox call: sequential calls would take ~100 s (2,000 Describe/ListAssociated calls); the target is ≤ 3 s.
// The sandbox runs as its own process, as it does beside a real console, so its CPU does not count against ours.

import { measureAccessPageInBrowser } from './access-page-first-screen'
import type { BenchFigure, Benchmark } from './bench-types'
import { startScaleSandbox } from './scale-sandbox'

const LATENCY_MS = 50

export const benchmark: Benchmark = {
  name: 'Access page data (scale cluster: 1,000 entries, 50 ms latency)',
  async run(): Promise<BenchFigure[]> {
    const sandbox = await startScaleSandbox('access')
    const { url } = sandbox
    let stopped = false
    try {
      const { loadAccessEntriesPage } = await import('@/lib/access/server/list-access-entries')
      const { getEksClient, getIamClient, getStsClient } = await import('@/lib/aws/aws-clients')
      // Every AWS call the cold load makes, by operation: what the page costs the account's API rate limits.
      const calls = new Map<string, number>()
      type Next = (args: unknown) => Promise<unknown>
      type Stack = { add: (m: (next: Next, context: { commandName?: string }) => Next, o: object) => void }
      for (const client of [
        getEksClient('us-west-2'),
        getEksClient('us-west-2', { bulk: true }),
        getIamClient('us-west-2'),
        getStsClient('us-west-2'),
      ]) {
        ;(client.middlewareStack as unknown as Stack).add(
          (next, context) => (args) => {
            const name = String(context.commandName ?? 'unknown').replace(/Command$/, '')
            calls.set(name, (calls.get(name) ?? 0) + 1)
            return next(args)
          },
          { step: 'initialize', name: 'benchCallCounter' },
        )
      }
      const faults = { faults: [{ service: '*', kind: 'latency', latencyMs: LATENCY_MS }] }
      await fetch(`${url}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify(faults) })

      const coldStart = performance.now()
      const cold = await loadAccessEntriesPage('us-west-2', 'scale', { fresh: true })
      const coldMs = performance.now() - coldStart
      const coldCalls = [...calls].sort((a, b) => b[1] - a[1])
      calls.clear()
      const warmStart = performance.now()
      await loadAccessEntriesPage('us-west-2', 'scale')
      const warmMs = performance.now() - warmStart
      const warmCalls = [...calls.values()].reduce((n, c) => n + c, 0)
      const firstScreen = await measureFirstScreen()
      // The browser figures need the sandbox's CPU back: this sandbox stops first.
      await sandbox.stop()
      stopped = true
      const browser = await measureAccessPageInBrowser(LATENCY_MS)
      const browserWarmed = await measureAccessPageInBrowser(LATENCY_MS, { warmProcess: true })
      return [
        { label: 'entries loaded', value: cold.entries.length, unit: 'count' },
        { label: 'cold load (every entry described)', value: coldMs / 1000, unit: 's', target: 3 },
        { label: 'warm load (details from the cache)', value: warmMs / 1000, unit: 's', target: 1 },
        { label: 'AWS calls, cold load', value: coldCalls.reduce((n, [, c]) => n + c, 0), unit: 'count' },
        ...coldCalls.map(([name, count]) => ({ label: `  ${name}`, value: count, unit: 'count' as const })),
        { label: 'AWS calls, warm load', value: warmCalls, unit: 'count' },
        ...firstScreen,
        ...browser,
        ...browserWarmed,
      ]
    } finally {
      if (!stopped) await sandbox.stop()
    }
  },
}

const FIRST_SCREEN = 20

/**
 * The stream's first screen on the server (in-process: no browser, no HTTP), then "who has policy P" for every
 * catalogue policy through ListAccessEntries' associatedPolicyArn filter: that finds every association in ~51 calls
 * but not their namespace scopes, so it cannot replace ListAssociatedAccessPolicies (an experiment, kept measured).
 */
async function measureFirstScreen(): Promise<BenchFigure[]> {
  const { loadAccessEntriesPage } = await import('@/lib/access/server/list-access-entries')
  const { listAccessEntryArns } = await import('@/lib/aws/access-entries')
  const { accessPolicyCatalogue, accessPolicyArn } = await import('@/lib/access/policy-catalogue')
  const target = { region: 'us-west-2', cluster: 'scale' }
  const start = performance.now()
  let firstScreenMs = 0
  let streamed = 0
  await loadAccessEntriesPage('us-west-2', 'scale', {
    fresh: true,
    onEntries: ({ entries }) => {
      streamed += entries.length
      if (streamed >= FIRST_SCREEN && firstScreenMs === 0) firstScreenMs = performance.now() - start
    },
  })
  const streamMs = performance.now() - start
  const mapStart = performance.now()
  const holders = await Promise.all(
    accessPolicyCatalogue.map((policy) =>
      listAccessEntryArns({ ...target, associatedPolicyArn: accessPolicyArn(policy.name) }),
    ),
  )
  const mapMs = performance.now() - mapStart
  const associations = holders.reduce((n, arns) => n + arns.length, 0)
  const calls = holders.reduce((n, arns) => n + Math.max(1, Math.ceil(arns.length / 100)), 0)
  return [
    { label: `server: first ${FIRST_SCREEN} entries streamed (cold)`, value: firstScreenMs / 1000, unit: 's' },
    { label: 'server: stream complete (cold)', value: streamMs / 1000, unit: 's' },
    { label: 'policy holders of every catalogue policy via associatedPolicyArn', value: mapMs / 1000, unit: 's' },
    { label: '  ListAccessEntries calls for it', value: calls, unit: 'count' },
    { label: '  associations found that way', value: associations, unit: 'count' },
  ]
}
