import 'server-only'

import { getAuditStore } from '@/lib/audit/server/audit-store-instance'
import { env } from '@/lib/env'

import type { TimeBoundStore } from './time-bound-store'

// One process-wide slot (Next bundles each route separately; see audit-store-instance.ts for the same reason).
const SLOT_KEY = Symbol.for('eks-access-console.time-bound-store')
const globalSlot = globalThis as typeof globalThis & { [SLOT_KEY]?: Promise<TimeBoundStore> | null }

async function openConfiguredStore(): Promise<TimeBoundStore> {
  const config = env.audit
  if (config.store === 'postgres') {
    const { openPostgresTimeBoundStore } = await import('./postgres-time-bound-store')
    return openPostgresTimeBoundStore(config.databaseUrl)
  }
  // The audit store creates the SQLite file's folder (with its .gitignore); the grants live in the same file.
  await getAuditStore()
  const { openSqliteTimeBoundStore } = await import('./sqlite-time-bound-store')
  return openSqliteTimeBoundStore(config.sqlitePath)
}

/** The process-wide grants store, next to the audit log (same SQLite file, or the same PostgreSQL database). */
export function getTimeBoundStore(): Promise<TimeBoundStore> {
  globalSlot[SLOT_KEY] ??= openConfiguredStore().catch((error: unknown) => {
    globalSlot[SLOT_KEY] = null
    throw error
  })
  return globalSlot[SLOT_KEY]
}

/** Replaces the store (tests), closing the previous one; `null` goes back to the configured store on next use. */
export async function setTimeBoundStore(store: TimeBoundStore | null): Promise<void> {
  const previous = globalSlot[SLOT_KEY]
  globalSlot[SLOT_KEY] = store ? Promise.resolve(store) : null
  if (previous) await (await previous.catch(() => null))?.close()
}
