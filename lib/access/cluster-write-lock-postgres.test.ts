import { Client } from 'pg'
import { afterAll, describe, expect, it, vi } from 'vitest'

import { startLocalPostgres } from '@/tests/support/start-local-postgres'

vi.mock('server-only', () => ({}))

// With DATABASE_URL set (several replicas), a guarded write must also hold the PostgreSQL advisory lock, which the
// other replicas' connections see in pg_locks.
const server = await startLocalPostgres()
if (typeof server === 'string') console.log(`Skipping the cluster write lock wiring test: ${server}`)
const pg = typeof server === 'string' ? null : server
vi.mock('@/lib/env', () => ({
  env: { audit: { store: 'postgres', databaseUrl: pg?.url('postgres') ?? '', sqlitePath: '' } },
}))

const { withClusterWriteLock } = await import('@/lib/access/server/cluster-write-lock')

afterAll(async () => {
  await (await import('@/lib/audit/server/postgres-write-lock')).closeSharedPostgresWriteLock()
  pg?.stop()
})

async function advisoryLocksSeenByAnotherReplica(): Promise<number> {
  const client = new Client({ connectionString: pg?.url('postgres') })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted",
    )
    return Number(rows[0]?.n)
  } finally {
    await client.end()
  }
}

describe.skipIf(!pg)('withClusterWriteLock with PostgreSQL', () => {
  it('holds a PostgreSQL advisory lock while the write runs, and releases it after', async () => {
    const during = await withClusterWriteLock({ region: 'us-west-2', cluster: 'prod-web' }, () =>
      advisoryLocksSeenByAnotherReplica(),
    )
    expect(during).toBe(1)
    expect(await advisoryLocksSeenByAnotherReplica()).toBe(0)
  })
})
