import 'server-only'

import { processWide } from '@/lib/api/server/process-wide'
import type { RecordingFailures } from '@/lib/audit/audit-dto'
import { env } from '@/lib/env'

import type { AuditStore } from './audit-store'

// Process-wide (a module-level variable would exist once per route bundle): the grant route would count failures the
// audit page never sees, and each route would open its own pool.
// `pending` holds not-recorded events the store has not counted yet: usually the store itself was down when they
// happened, so they are kept here and added to the stored counter at the next chance (see flushRecordingFailures).
type AuditState = { store: Promise<AuditStore> | null; pending: RecordingFailures | null }
const state = (): AuditState => processWide('audit', () => ({ store: null, pending: null }))

/** Opens the configured store; each implementation is imported only when chosen (better-sqlite3 is a native addon). */
async function openConfiguredStore(): Promise<AuditStore> {
  const config = env.audit
  if (config.store === 'postgres') {
    const { openPostgresAuditStore } = await import('./postgres-audit-store')
    return openPostgresAuditStore(config.databaseUrl)
  }
  const { openSqliteAuditStore } = await import('./sqlite-audit-store')
  return openSqliteAuditStore(config.sqlitePath)
}

/**
 * The process-wide audit store: PostgreSQL when DATABASE_URL is set, else the SQLite file at AUDIT_DB_PATH. A store
 * that failed to open is retried on the next call (the disk or database may come back).
 */
export function getAuditStore(): Promise<AuditStore> {
  const slot = state()
  slot.store ??= openConfiguredStore().catch((error: unknown) => {
    slot.store = null
    throw error
  })
  return slot.store
}

/** Replaces the store (tests), closing the previous one; `null` goes back to the configured store on next use. */
export async function setAuditStore(store: AuditStore | null): Promise<void> {
  const slot = state()
  const previous = slot.store
  slot.store = store ? Promise.resolve(store) : null
  slot.pending = null
  if (previous) await (await previous.catch(() => null))?.close()
}

/** Counts one event that could not be recorded (in memory until {@link flushRecordingFailures} stores it). */
export function noteRecordingFailure(reference: string, at = new Date()): void {
  const slot = state()
  slot.pending = { count: (slot.pending?.count ?? 0) + 1, lastAt: at.toISOString(), reference }
}

function combine(a: RecordingFailures | null, b: RecordingFailures | null): RecordingFailures | null {
  if (!a || !b) return a ?? b
  const latest = Date.parse(b.lastAt) >= Date.parse(a.lastAt) ? b : a
  return { count: a.count + b.count, lastAt: latest.lastAt, reference: latest.reference }
}

/**
 * Adds the in-memory count to the store's counter, so it survives a restart. Called after every recorded event and
 * before the counter is read; when the store is still down the count simply stays in memory for the next try (lost
 * only if the process stops first — the server log still has each event's reference).
 */
export async function flushRecordingFailures(store: AuditStore): Promise<void> {
  const slot = state()
  const pending = slot.pending
  if (!pending) return
  slot.pending = null
  try {
    await store.addRecordingFailures(pending)
  } catch (error) {
    // Failures noted meanwhile stay counted next to the ones that could not be stored.
    slot.pending = combine(pending, slot.pending)
    throw error
  }
}

/**
 * Every event the console could not record: the store's counter (across restarts and replicas) plus what this process
 * could not store yet. When the store cannot be read, this process's count alone (null when none).
 */
export async function getRecordingFailures(): Promise<RecordingFailures | null> {
  try {
    const store = await getAuditStore()
    await flushRecordingFailures(store).catch(() => undefined)
    return combine(await store.readRecordingFailures(), state().pending)
  } catch {
    return state().pending
  }
}
