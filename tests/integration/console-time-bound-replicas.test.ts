/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// Two revocation schedulers (two console replicas) on one PostgreSQL database: every grant is revoked exactly once,
// by whichever claims it first, and the audit log shows one revocation per grant.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { TimeBoundStore } from '@/lib/time-bound/server/time-bound-store'
import { startLocalPostgres } from '@/tests/support/start-local-postgres'

import { callRoute, policyArn, roleArn, setUpConsoleAccessSandbox, userArn } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const server = await startLocalPostgres()
if (typeof server === 'string') console.log(`Skipping the two-replica scheduler test: ${server}`)
const pg = typeof server === 'string' ? null : server

setUpConsoleAccessSandbox({ role: 'editor' })
const stores: TimeBoundStore[] = []
afterAll(async () => {
  const { setTimeBoundStore } = await import('@/lib/time-bound/server/time-bound-store-instance')
  await setTimeBoundStore(null)
  await Promise.all(stores.map((s) => s.close()))
  pg?.stop()
})

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const principals = [
  roleArn('orders-s3-reader'),
  roleArn('reports-writer'),
  roleArn('billing-irsa'),
  roleArn('legacy-irsa'),
  roleArn('MlAutoCustomNodeRole'),
  roleArn('AmazonEKSAutoNodeRole'),
  userArn('alice'),
  userArn('bob'),
]

let entries: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
let audit: typeof import('@/app/api/audit/route')
beforeAll(async () => {
  entries = await import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
  audit = await import('@/app/api/audit/route')
})

describe.skipIf(!pg)('two schedulers on one PostgreSQL store', () => {
  it('revoke each grant exactly once', async () => {
    const { openPostgresTimeBoundStore } = await import('@/lib/time-bound/server/postgres-time-bound-store')
    const { setTimeBoundStore } = await import('@/lib/time-bound/server/time-bound-store-instance')
    const { createRevocationScheduler } = await import('@/lib/time-bound/server/revocation-scheduler')
    const { revokeGrant } = await import('@/lib/time-bound/server/revokers')
    const { recordRevocation } = await import('@/lib/time-bound/server/record-revocation')
    const url = pg!.url('postgres')
    const [a, b] = [openPostgresTimeBoundStore(url), openPostgresTimeBoundStore(url)]
    stores.push(b)
    // The routes record grants in replica A's store (setTimeBoundStore closes it at the end).
    await setTimeBoundStore(a)
    for (const principalArn of principals) {
      const granted = await callRoute(entries.POST, prod, {
        method: 'POST',
        body: {
          principalArn,
          accessPolicies: [{ policyArn: policyArn('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } }],
          duration: { kind: 'preset', preset: '1h' },
        },
      })
      expect(granted.status).toBe(201)
    }
    const later = () => new Date(Date.now() + 3600_000 + 1000)
    // No cluster lock: only the claims keep the replicas apart. Small batches make them interleave.
    const replica = (store: TimeBoundStore, owner: string) =>
      createRevocationScheduler({
        store,
        owner,
        now: later,
        batchSize: 1,
        revoke: revokeGrant,
        withClusterLock: (_target, fn) => fn(),
        recordOutcome: recordRevocation,
        logFailure: (_grant, _attempt, error) => {
          throw error
        },
      })
    const [ra, rb] = [replica(a, 'replica-a'), replica(b, 'replica-b')]
    const drain = async (scheduler: typeof ra) => {
      let total = 0
      for (let round = 0; round < principals.length + 2; round++) {
        const result = await scheduler.runOnce()
        total += result.revoked + result.drifted
      }
      return total
    }
    const [byA, byB] = await Promise.all([drain(ra), drain(rb)])
    expect(byA + byB).toBe(principals.length)
    expect(await b.listActive(prod)).toEqual([])

    const { body } = await callRoute(audit.GET, {}, { query: '?action=time-bound-grant.revoke&limit=100' })
    const targets = body.events.map((e: any) => e.target).sort()
    expect(targets).toEqual([...principals].sort())
    expect(body.events.every((e: any) => e.result === 'succeeded' && e.actor.name === 'system')).toBe(true)
  }, 60_000)
})
