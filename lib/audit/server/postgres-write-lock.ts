import 'server-only'

import { Pool } from 'pg'

import { ConsoleError } from '@/lib/api/console-error'
import { logServerError } from '@/lib/api/server/log-server-error'
import { processWide } from '@/lib/api/server/process-wide'

/** Runs `fn` while holding `key`, excluding every other holder of the same key (the access-entry write lock's shape). */
export interface KeyedWriteLock {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>
}

// pg_advisory_xact_lock(int, int): the first key names this use (so it can't collide with the audit migration lock,
// which uses the one-argument form), the second is hashtext(key). A hash collision only makes two clusters wait for
// each other, never lets two holders of one key in.
const LOCK_CLASS = 0x656b7341 // "eksA"

// A holder waits at most this long for another replica's write to finish; a write is a handful of EKS calls, each
// bounded by the SDK timeout. Past it PostgreSQL raises lock_not_available and the request fails instead of hanging.
const LOCK_WAIT = '60s'

/**
 * Without the lock the console cannot know no other replica is changing the same cluster, so the write is refused (fail
 * closed) with a sentence instead of a bare 500.
 */
function lockError(error: unknown): ConsoleError {
  const timedOut = (error as { code?: unknown } | null)?.code === '55P03'
  const message = timedOut
    ? `Another console replica is still changing this cluster's access entries (waited ${LOCK_WAIT}). Nothing was changed; try again.`
    : "The console could not take this cluster's write lock in its PostgreSQL database (DATABASE_URL), so nothing was changed. Check the database and try again."
  return new ConsoleError('upstream_unavailable', message, { cause: error })
}

/**
 * A cluster write lock shared by every console replica using the same PostgreSQL database: a transaction-scoped
 * advisory lock (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS), held on one pooled
 * connection for the duration of `fn` and released by COMMIT, or by PostgreSQL when the connection drops.
 */
export function createPostgresWriteLock(pool: Pool): KeyedWriteLock {
  return {
    async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const client = await pool.connect().catch((error: unknown) => {
        throw lockError(error)
      })
      let broken = false
      try {
        try {
          await client.query('BEGIN')
          await client.query(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`)
          await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS, key])
        } catch (error) {
          await client.query('ROLLBACK').catch(() => (broken = true))
          throw lockError(error)
        }
        try {
          return await fn()
        } finally {
          // Nothing was written in the transaction: COMMIT only ends it, which releases the lock.
          await client.query('COMMIT').catch(() => (broken = true))
        }
      } finally {
        client.release(broken)
      }
    },
  }
}

// One small pool per process (each route bundle would otherwise open its own).
const shared = processWide('postgres-write-lock', () => ({
  slot: undefined as { url: string; lock: KeyedWriteLock; pool: Pool } | undefined,
}))

/** The process-wide PostgreSQL write lock for `databaseUrl`. */
export function sharedPostgresWriteLock(databaseUrl: string): KeyedWriteLock {
  const slot = shared.slot
  if (slot?.url === databaseUrl) return slot.lock
  const pool = new Pool({ connectionString: databaseUrl, max: 4 })
  // An idle connection the database drops must not crash the process (pg emits 'error' on the pool); the next write
  // opens a new one, or is refused with a sentence.
  pool.on('error', (error) => logServerError('write-lock-pool', 'PostgreSQL write lock idle connection', error))
  const lock = createPostgresWriteLock(pool)
  shared.slot = { url: databaseUrl, lock, pool }
  return lock
}

/** Closes the process-wide lock pool (tests, before their database goes away). */
export async function closeSharedPostgresWriteLock(): Promise<void> {
  const slot = shared.slot
  shared.slot = undefined
  await slot?.pool.end()
}
