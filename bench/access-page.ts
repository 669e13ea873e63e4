// The access page's data for the `scale` cluster (1,000 entries, 1–3 policies each) with 50 ms injected on every
// sandbox call: sequential calls would take ~100 s (2,000 Describe/ListAssociated calls); the target is ≤ 3 s.
// The sandbox runs as its own process, as it does beside a real console, so its CPU does not count against ours.

import type { BenchFigure, Benchmark } from './bench-types'
import { startScaleSandbox } from './scale-sandbox'

const LATENCY_MS = 50

export const benchmark: Benchmark = {
  name: 'Access page data (scale cluster: 1,000 entries, 50 ms latency)',
  async run(): Promise<BenchFigure[]> {
    const sandbox = await startScaleSandbox('access')
    const { url } = sandbox
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
      return [
        { label: 'entries loaded', value: cold.entries.length, unit: 'count' },
        { label: 'cold load (every entry described)', value: coldMs / 1000, unit: 's', target: 3 },
        { label: 'warm load (details from the cache)', value: warmMs / 1000, unit: 's', target: 1 },
        { label: 'AWS calls, cold load', value: coldCalls.reduce((n, [, c]) => n + c, 0), unit: 'count' },
        ...coldCalls.map(([name, count]) => ({ label: `  ${name}`, value: count, unit: 'count' as const })),
        { label: 'AWS calls, warm load', value: [...calls.values()].reduce((n, c) => n + c, 0), unit: 'count' },
      ]
    } finally {
      await sandbox.stop()
    }
  },
}
