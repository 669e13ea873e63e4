import 'server-only'

import { randomUUID } from 'node:crypto'

import { consoleMetrics } from '@/lib/metrics/server/metrics-registry'

import type { RevokeOutcome } from './revoke-access-grant'
import type { StoredGrant, TimeBoundStore } from './time-bound-store'

/** After this many failed attempts a revocation is "stuck": the banner names it and the audit log records it. */
export const STUCK_ATTEMPTS = 5

// First retry after 5 s, doubling, at most 5 min apart: a throttled EKS gets room, and a revocation is never dropped.
const BASE_BACKOFF_MS = 5000
const MAX_BACKOFF_MS = 5 * 60_000

/** How long after `attempts` failures the next attempt waits. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts), MAX_BACKOFF_MS)
}

/** What the scheduler needs from the rest of the console; tests pass their own clock. */
export type SchedulerDeps = {
  store: TimeBoundStore
  /** Removes what one grant added (see revokeAccessGrant), for a grant of any kind. */
  revoke: (grant: StoredGrant) => Promise<RevokeOutcome>
  /** Runs `fn` holding the cluster's write lock (withClusterWriteLock). */
  withClusterLock: <T>(target: { region: string; cluster: string }, fn: () => Promise<T>) => Promise<T>
  /** Records the revocation (or a stuck one) in the audit log, as done by the system. */
  recordOutcome: (grant: StoredGrant, outcome: RevokeOutcome | { stuck: string }) => Promise<void>
  /** Logs a failed attempt (the server log; an operator greps for it). */
  logFailure: (grant: StoredGrant, attempt: number, error: unknown) => void
  now?: () => Date
  /** This instance's name in the claims (random by default; two replicas must differ). */
  owner?: string
  /** Grants claimed per round. */
  batchSize?: number
  /** Revocations in flight at once within one cluster (each is a few EKS calls on a different principal). */
  concurrency?: number
}

/** What one round did. */
export type RoundResult = { revoked: number; drifted: number; failed: number }

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/**
 * The revocation scheduler: each round claims the grants that are due (their claims exclude every other scheduler on
 * the same store, so each grant is revoked by exactly one), revokes them one cluster at a time under that cluster's
 * write lock, and either finishes each grant or schedules its retry with backoff.
 */
export function createRevocationScheduler(deps: SchedulerDeps) {
  const now = deps.now ?? (() => new Date())
  const owner = deps.owner ?? `scheduler-${randomUUID()}`
  const batchSize = deps.batchSize ?? 200
  const concurrency = deps.concurrency ?? 10
  // A claim outlives any revocation (a few EKS calls, each bounded at 15 s), so it lapses only if this process died.
  const leaseMs = 10 * 60_000

  async function revokeOne(grant: StoredGrant, result: RoundResult): Promise<void> {
    try {
      const outcome = await deps.revoke(grant)
      // Only the holder of the claim records the outcome, so the audit log gets one revocation per grant.
      const finishedAt = now()
      if (await deps.store.finish(grant.id, owner, outcome.status, finishedAt)) {
        await deps.recordOutcome(grant, outcome)
        result[outcome.status]++
        consoleMetrics().revocations.inc({ outcome: outcome.status })
        consoleMetrics().revocationLagSeconds.observe(
          Math.max(0, finishedAt.getTime() - grant.expiresAt.getTime()) / 1000,
        )
      }
    } catch (error) {
      result.failed++
      const attempts = grant.attempts + 1
      deps.logFailure(grant, attempts, error)
      const message = error instanceof Error ? error.message : String(error)
      await deps.store.retryLater(grant.id, owner, new Date(now().getTime() + backoffMs(grant.attempts)), message)
      consoleMetrics().revocations.inc({ outcome: attempts >= STUCK_ATTEMPTS ? 'stuck' : 'failed' })
      if (attempts === STUCK_ATTEMPTS) await deps.recordOutcome(grant, { stuck: message })
    }
  }

  /** One round: claim what is due, revoke it. Safe to call from several instances at once. */
  async function runOnce(): Promise<RoundResult> {
    const result: RoundResult = { revoked: 0, drifted: 0, failed: 0 }
    const at = now()
    const due = await deps.store.claimDue(at, owner, new Date(at.getTime() + leaseMs), batchSize)
    const byCluster = new Map<string, StoredGrant[]>()
    for (const grant of due) {
      const key = `${grant.region}/${grant.cluster}`
      byCluster.set(key, [...(byCluster.get(key) ?? []), grant])
    }
    for (const grants of byCluster.values()) {
      const first = grants[0] as StoredGrant
      await deps.withClusterLock({ region: first.region, cluster: first.cluster }, () =>
        mapLimit(grants, concurrency, (grant) => revokeOne(grant, result)),
      )
    }
    return result
  }

  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<unknown> | null = null

  return {
    owner,
    runOnce,
    /** Runs a round now (overdue grants are revoked at start-up) and then every `intervalMs`. */
    start(intervalMs: number, onError: (error: unknown) => void) {
      const schedule = (ms: number) => {
        timer = setTimeout(tick, ms)
        // A pending round must not keep a finishing process (or a test run) alive.
        timer.unref?.()
      }
      const tick = () => {
        running = runOnce()
          .catch(onError)
          .finally(() => {
            if (timer !== null) schedule(intervalMs)
          })
      }
      schedule(0)
    },
    /** Stops scheduling rounds and waits for the current one. */
    async stop() {
      if (timer !== null) clearTimeout(timer)
      timer = null
      await running
    },
  }
}

export type RevocationScheduler = ReturnType<typeof createRevocationScheduler>

/**
 * How often the scheduler looks for due grants: every 15 s, well inside the promise to revoke within 60 s of expiry,
 * and at least twice within the shortest grant allowed (the sandbox may allow 10-second grants to show expiry quickly).
 */
export function pollIntervalMs(minGrantSeconds: number): number {
  return Math.min(15_000, Math.max(1_000, (minGrantSeconds * 1000) / 2))
}
