import 'server-only'

import { env } from '@/lib/env'
import type { RecordingFailures } from '@/lib/queries/audit-dto'

import type { AuditStore } from './audit-store'

// Next bundles each route handler separately, so a module-level variable would exist once per route: the grant route
// would count failures the audit page never sees, and each route would open its own pool. One process-wide slot.
type AuditState = { store: Promise<AuditStore> | null; failures: RecordingFailures | null }
const STATE_KEY = Symbol.for('eks-access-console.audit')
const globalSlot = globalThis as typeof globalThis & { [STATE_KEY]?: AuditState }

function state(): AuditState {
  globalSlot[STATE_KEY] ??= { store: null, failures: null }
  return globalSlot[STATE_KEY]
}

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
  slot.failures = null
  if (previous) await (await previous.catch(() => null))?.close()
}

/** Counts one event that could not be recorded, remembering when and the server-log reference. */
export function noteRecordingFailure(reference: string, at = new Date()): void {
  const slot = state()
  slot.failures = { count: (slot.failures?.count ?? 0) + 1, lastAt: at.toISOString(), reference }
}

/** Events this server process could not record since it started (null when none). */
export function getRecordingFailures(): RecordingFailures | null {
  return state().failures
}
