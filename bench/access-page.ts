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
      const faults = { faults: [{ service: '*', kind: 'latency', latencyMs: LATENCY_MS }] }
      await fetch(`${url}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify(faults) })

      const coldStart = performance.now()
      const cold = await loadAccessEntriesPage('us-west-2', 'scale', { fresh: true })
      const coldMs = performance.now() - coldStart
      const warmStart = performance.now()
      await loadAccessEntriesPage('us-west-2', 'scale')
      const warmMs = performance.now() - warmStart
      return [
        { label: 'entries loaded', value: cold.entries.length, unit: 'count' },
        { label: 'cold load (every entry described)', value: coldMs / 1000, unit: 's', target: 3 },
        { label: 'warm load (details from the cache)', value: warmMs / 1000, unit: 's', target: 1 },
      ]
    } finally {
      await sandbox.stop()
    }
  },
}
