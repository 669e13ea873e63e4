// Findings over every sandbox cluster, the scale cluster included (1,000 access entries, 10,000 bindings over 200
// namespaces: SANDBOX_SCALE=large), through the console's own server code in-process (issue 14 item 7). Three
// figures: a fresh evaluation of every cluster as the page's Refresh asks for it (each cluster's snapshot read from
// the sandbox — every access entry described — IAM's principals listed, workload identity checked, the rules run) —
// target ≤ 2 s; the rules alone over the snapshots already read; and the report the page gets from the cache.
import type { BenchFigure, Benchmark } from './bench-types'
import { startScaleSandbox } from './scale-sandbox'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

export const benchmark: Benchmark = {
  name: 'Findings over every sandbox cluster (scale cluster: 1,000 entries, 10,000 bindings)',
  async run(): Promise<BenchFigure[]> {
    const sandbox = await startScaleSandbox('findings')
    try {
      const { reportAllFindings, clearFindingsCache } = await import('@/lib/findings/server/findings-service')
      const { loadClusterSnapshot, clearClusterSnapshots } =
        await import('@/lib/effective-access/server/cluster-snapshot')
      const { evaluateClusterFindings } = await import('@/lib/findings/evaluate-findings')
      const { listClustersAcrossRegions } = await import('@/lib/aws/eks-clusters')
      const query = { limit: 500 } as const

      // Warm-up: SDK clients, TLS to each cluster, JIT — as a running console has them.
      const first = await reportAllFindings({ ...query, fresh: '1' })
      const fresh: number[] = []
      for (let i = 0; i < 3; i++) {
        clearFindingsCache()
        clearClusterSnapshots()
        fresh.push(await timeMs(() => reportAllFindings({ ...query, fresh: '1' })))
      }

      const { clusters } = await listClustersAcrossRegions()
      const snapshots = await Promise.all(clusters.map((c) => loadClusterSnapshot({ region: c.region, name: c.name })))
      const rules: number[] = []
      for (let i = 0; i < 5; i++)
        rules.push(
          await timeMs(async () => {
            for (const s of snapshots)
              evaluateClusterFindings({ cluster: s.ref, auth: s.auth, rbac: s.rbac, namespaces: s.namespaces })
          }),
        )
      const cached: number[] = []
      for (let i = 0; i < 5; i++) cached.push(await timeMs(() => reportAllFindings({ ...query, severity: 'high' })))
      const total = first.counts.critical + first.counts.high + first.counts.medium + first.counts.low
      return [
        { label: 'clusters evaluated', value: first.clusters.filter((c) => c.ok).length, unit: 'count' },
        { label: 'findings', value: total, unit: 'count' },
        {
          label: 'fresh evaluation of every cluster (read + IAM + workload identity + rules)',
          value: median(fresh),
          unit: 'ms',
          target: 2000,
        },
        { label: 'rules alone over every cluster’s snapshot', value: median(rules), unit: 'ms', target: 500 },
        { label: 'report from the cache (filtered)', value: median(cached), unit: 'ms', target: 100 },
      ]
    } finally {
      await sandbox.stop()
    }
  },
}
