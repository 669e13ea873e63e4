import 'server-only'

import { processWide } from '@/lib/api/server/process-wide'
import { getAuditStore } from '@/lib/audit/server/audit-store-instance'
import { env } from '@/lib/env'

import type { TimeBoundStore } from './time-bound-store'

// Process-wide: Next bundles each route separately, and every route must see the same grants store.
const shared = processWide('time-bound-store', () => ({ store: null as Promise<TimeBoundStore> | null }))

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
  shared.store ??= openConfiguredStore().catch((error: unknown) => {
    shared.store = null
    throw error
  })
  return shared.store
}

/** Replaces the store (tests), closing the previous one; `null` goes back to the configured store on next use. */
export async function setTimeBoundStore(store: TimeBoundStore | null): Promise<void> {
  const previous = shared.store
  shared.store = store ? Promise.resolve(store) : null
  if (previous) await (await previous.catch(() => null))?.close()
}
