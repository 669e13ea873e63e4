// Findings over every sandbox cluster, the scale cluster included (1,000 access entries, 10,000 bindings over 200
// namespaces: SANDBOX_SCALE=large), through the console's own server code in-process (issue 14 item 7), in both
// sandbox regions. The target figure is the server's work for the findings once each cluster's facts are read (the
// effective-access snapshot, which effective access shares and keeps): workload identity's checks, IAM's principal
// listing, the rules and the report — target ≤ 2 s. Context figures: the rules alone, the cached report the page
// re-filters, an evaluation after the snapshots expired while the access entries' details are still cached (the
// snapshot reads entries through the access page's loader and its one-minute detail cache), and a fresh evaluation
// that reads everything again (dominated by the scale cluster's 2,000 DescribeAccessEntry/ListAssociatedAccessPolicies
// calls, 64 in flight) and asks the cluster its SubjectAccessReviews.
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
    // Both sandbox regions (eu-shop is in eu-west-1), read before lib/env is first used.
    process.env.CONSOLE_REGIONS = 'us-west-2,eu-west-1'
    try {
      const { reportAllFindings, clearFindingsCache } = await import('@/lib/findings/server/findings-service')
      const { loadClusterSnapshot, clearClusterSnapshots } =
        await import('@/lib/effective-access/server/cluster-snapshot')
      const { loadIamExistence } = await import('@/lib/findings/server/iam-existence')
      const { loadWorkloadIdentity } = await import('@/lib/workload-identity/server/mapping-service')
      const { evaluateClusterFindings } = await import('@/lib/findings/evaluate-findings')
      const { buildFindingsReport } = await import('@/lib/findings/findings-report')
      const { listClustersAcrossRegions } = await import('@/lib/aws/eks-clusters')
      const query = { limit: 500 } as const

      // Warm-up and the fresh figure: SDK clients, TLS to each cluster and JIT, as a running console has them.
      const first = await reportAllFindings({ ...query, fresh: '1' })
      clearFindingsCache()
      clearClusterSnapshots()
      // A cluster that failed to evaluate would make a figure look fast: every measured report must read them all.
      const complete = async (q: Parameters<typeof reportAllFindings>[0]) => {
        const report = await reportAllFindings(q)
        const failed = report.clusters.filter((c) => !c.ok)
        if (failed.length) throw new Error(`findings: ${failed.map((c) => `${c.name}: ${c.error}`).join('; ')}`)
        return report
      }
      const fresh = await timeMs(() => complete({ ...query, fresh: '1' }))

      const { clusters } = await listClustersAcrossRegions()
      const snapshots = await Promise.all(clusters.map((c) => loadClusterSnapshot({ region: c.region, name: c.name })))
      const withFacts: number[] = []
      for (let i = 0; i < 3; i++)
        withFacts.push(
          await timeMs(async () => {
            const evaluations = await Promise.all(
              snapshots.map(async (s) => {
                const [iam, wi] = await Promise.all([
                  loadIamExistence(s.ref.region, s.accountId ?? '', { fresh: true }),
                  loadWorkloadIdentity(s.ref),
                ])
                const findings = evaluateClusterFindings({
                  cluster: s.ref,
                  auth: s.auth,
                  rbac: s.rbac,
                  namespaces: s.namespaces,
                  iam: 'iam' in iam ? iam.iam : undefined,
                  workloads: wi.mappings.map((m) => ({ ...m, roleArn: m.effectiveRoleArn })),
                })
                return { ...s.ref, findings, error: null, gaps: [], evaluatedAt: null }
              }),
            )
            return buildFindingsReport(evaluations, query)
          }),
        )
      const rules: number[] = []
      for (let i = 0; i < 5; i++)
        rules.push(
          await timeMs(async () => {
            for (const s of snapshots)
              evaluateClusterFindings({ cluster: s.ref, auth: s.auth, rbac: s.rbac, namespaces: s.namespaces })
          }),
        )
      // The snapshots and evaluations expire (15 s, 60 s) before the entry details do (60 s, and only the console's
      // own writes drop them): the common "open the findings page again" case.
      const expired: number[] = []
      for (let i = 0; i < 3; i++) {
        clearFindingsCache()
        clearClusterSnapshots()
        expired.push(await timeMs(() => complete(query)))
      }
      const cached: number[] = []
      for (let i = 0; i < 5; i++) cached.push(await timeMs(() => reportAllFindings({ ...query, severity: 'high' })))
      const total = first.counts.critical + first.counts.high + first.counts.medium + first.counts.low
      return [
        { label: 'clusters evaluated', value: first.clusters.filter((c) => c.ok).length, unit: 'count' },
        { label: 'findings', value: total, unit: 'count' },
        {
          label: 'every cluster, facts read: workload identity + IAM + rules + report',
          value: median(withFacts),
          unit: 'ms',
          target: 2000,
        },
        { label: 'rules alone over every cluster (context)', value: median(rules), unit: 'ms' },
        { label: 'report from the cache, re-filtered (context)', value: median(cached), unit: 'ms' },
        {
          label: 'snapshots expired, entry details cached: RBAC, namespaces, reviews read again (context)',
          value: median(expired),
          unit: 'ms',
        },
        { label: 'fresh: every snapshot and entry read again too (context)', value: fresh, unit: 'ms' },
      ]
    } finally {
      await sandbox.stop()
    }
  },
}
