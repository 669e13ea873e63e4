import 'server-only'

import { processWide } from '@/lib/api/server/process-wide'
import { env } from '@/lib/env'

/**
 * Serializes the guarded writes of one cluster: while `run` holds the key, no other holder of the same key runs. The
 * lockout guard and the version check read the entries AFTER taking it, so "two deletes of the last two cluster admins"
 * or "two read-modify-write PATCHes" can no longer both decide on the same stale picture.
 */
export interface ClusterWriteLock {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>
}

// Next bundles each route handler separately, so a module-level Map would exist once per route: DELETE …/:principal and
// DELETE …/policies/:policy would each get their own lock and not exclude each other. One process-wide map.
const lockTails = () => processWide('cluster-write-lock', () => new Map<string, Promise<void>>())

/**
 * The lock inside one console process: a promise chain per key (FIFO). Enough for one replica with the SQLite audit
 * store; several replicas need {@link createPostgresWriteLock} on top.
 */
export function createInProcessLock(tails: Map<string, Promise<void>> = new Map()): ClusterWriteLock {
  return {
    async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve()
      let release!: () => void
      const mine = new Promise<void>((resolve) => (release = resolve))
      const tail = previous.then(() => mine)
      tails.set(key, tail)
      await previous
      try {
        return await fn()
      } finally {
        release()
        // The last holder cleans up, so the map only holds keys that are busy.
        if (tails.get(key) === tail) tails.delete(key)
      }
    },
  }
}

function processLock(): ClusterWriteLock {
  return createInProcessLock(lockTails())
}

/**
 * The lock key of a cluster. A slash occurs in neither a region code nor an EKS cluster name; the key must also be
 * valid PostgreSQL text (no NUL), since the advisory lock hashes it there.
 */
export const clusterLockKey = (target: { region: string; cluster: string }) =>
  `access-entries:${target.region}/${target.cluster}`

/**
 * Runs `fn` holding the cluster's write lock: first the in-process lock (so one replica queues its own requests
 * without tying up database connections), then, when the audit store is PostgreSQL (DATABASE_URL, the setup for
 * several replicas), a PostgreSQL advisory lock on the same key, which excludes the other replicas.
 *
 * EKS itself has no conditional writes (no If-Match on UpdateAccessEntry or DeleteAccessEntry), so this only orders
 * writes made through this console; a change from the CLI or Terraform can still land between the re-read and the
 * write.
 */
export async function withClusterWriteLock<T>(
  target: { region: string; cluster: string },
  fn: () => Promise<T>,
): Promise<T> {
  const key = clusterLockKey(target)
  return processLock().run(key, async () => {
    const audit = env.audit
    if (audit.store !== 'postgres') return fn()
    const { sharedPostgresWriteLock } = await import('@/lib/audit/server/postgres-write-lock')
    return sharedPostgresWriteLock(audit.databaseUrl).run(key, fn)
  })
}
