// 1,000 time-bound grants on one cluster all ending in the same minute, revoked by the console's scheduler with 50 ms
// injected on every sandbox call — target: all revoked within 2 minutes of their end. A sandbox in its own process
// (SANDBOX_SCALE=large seeds the IAM roles scale-dev-0001…1000); each grant made the role's entry with
// AmazonEKSViewPolicy, so each revocation reads the entry and deletes it, under prod-web's write lock, 10 in flight.
import { randomUUID } from 'node:crypto'

import type { BenchFigure, Benchmark } from './bench-types'
import { startScaleSandbox } from './scale-sandbox'

const LATENCY_MS = 50
const GRANTS = 1000
const roleArn = (i: number) => `arn:aws:iam::111122223333:role/scale-dev-${String(i).padStart(4, '0')}`
const VIEW = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy'

export const benchmark: Benchmark = {
  name: `time-bound revocations (${GRANTS} grants ending in the same minute)`,
  async run(): Promise<BenchFigure[]> {
    const sandbox = await startScaleSandbox('time-bound')
    const { url } = sandbox
    try {
      delete process.env.DATABASE_URL
      const { associateAccessPolicy, createAccessEntry } = await import('@/lib/aws/access-entries')
      const { getTimeBoundStore } = await import('@/lib/time-bound/server/time-bound-store-instance')
      const { createRevocationScheduler } = await import('@/lib/time-bound/server/revocation-scheduler')
      const { revokeGrant } = await import('@/lib/time-bound/server/revokers')
      const { recordRevocation } = await import('@/lib/time-bound/server/record-revocation')
      const { withClusterWriteLock } = await import('@/lib/access/server/cluster-write-lock')

      const target = { region: 'us-west-2', cluster: 'prod-web' }
      const store = await getTimeBoundStore()
      const scope = { type: 'cluster' as const, namespaces: [] }
      const ends = new Date(Date.now() + 60_000)
      // Set-up without latency: the entries and the stored grants (each ending within the same minute).
      for (let i = 1; i <= GRANTS; i++) {
        const principalArn = roleArn(i)
        await createAccessEntry({ ...target, principalArn, type: 'STANDARD', kubernetesGroups: [] })
        await associateAccessPolicy({ ...target, principalArn, policyArn: VIEW, accessScope: scope })
        const addition = {
          kind: 'access-entry' as const,
          principalArn,
          username: null,
          kubernetesGroups: [],
          policies: [{ policyArn: VIEW, accessScope: scope }],
        }
        const expiresAt = new Date(ends.getTime() + (i % 60) * 1000)
        await store.add({
          id: randomUUID(),
          ...target,
          principalArn,
          addition,
          createdBy: 'bench',
          createdAt: new Date(),
          expiresAt,
        })
      }
      const faults = { faults: [{ service: '*', kind: 'latency', latencyMs: LATENCY_MS }] }
      await fetch(`${url}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify(faults) })
      // The scheduler's clock reads the end of that minute: every grant is due at once.
      const lastEnd = new Date(ends.getTime() + 60_000)
      let failed = 0
      const scheduler = createRevocationScheduler({
        store,
        revoke: revokeGrant,
        withClusterLock: withClusterWriteLock,
        recordOutcome: recordRevocation,
        logFailure: () => failed++,
        now: () => lastEnd,
      })
      const start = performance.now()
      let revoked = 0
      for (let round = 0; round < 50 && revoked < GRANTS; round++) {
        const result = await scheduler.runOnce()
        revoked += result.revoked + result.drifted
      }
      const ms = performance.now() - start
      return [
        { label: 'grants revoked', value: revoked, unit: 'count' },
        { label: 'failed attempts (retried)', value: failed, unit: 'count' },
        { label: `all ${GRANTS} revoked at ${LATENCY_MS} ms latency`, value: ms / 1000, unit: 's', target: 120 },
        { label: 'still active afterwards', value: (await store.listActive(target)).length, unit: 'count' },
      ]
    } finally {
      await sandbox.stop()
    }
  },
}
