import { Client } from 'pg'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'

import { freePort, startLocalPostgres } from '@/tests/support/start-local-postgres'

import type { AuditStore } from './audit-store'

vi.mock('server-only', () => ({}))

const { openPostgresAuditStore } = await import('./postgres-audit-store')
const { describeAuditStoreContract } = await import('./audit-store-contract')
const { describeSessionStoreContract } = await import('./session-store-contract')

const server = await startLocalPostgres()
if (typeof server === 'string') console.log(`Skipping the PostgreSQL audit store tests: ${server}`)
const pg = typeof server === 'string' ? null : server

let counter = 0
let opened: AuditStore[] = []
afterEach(async () => {
  await Promise.all(opened.map((s) => s.close()))
  opened = []
})
afterAll(() => pg?.stop())

async function createDatabase(): Promise<string> {
  const name = `audit_${++counter}`
  const admin = new Client({ connectionString: pg?.url('postgres') })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  return name
}

const open = (db: string) => {
  const store = openPostgresAuditStore(pg?.url(db) ?? '', { max: 2 })
  opened.push(store)
  return store
}

describe.skipIf(!pg)('PostgreSQL audit store', () => {
  describeAuditStoreContract('PostgreSQL', async () => open(await createDatabase()))
  describeSessionStoreContract('PostgreSQL', async () => {
    const db = await createDatabase()
    return { store: open(db), reopen: async () => open(db) }
  })

  it('creates the schema once, even when two replicas start at the same moment', async () => {
    const db = await createDatabase()
    const [a, b] = [open(db), open(db)]
    const event = {
      actor: { name: 'x', role: 'admin' as const },
      action: 'x.y',
      target: 't',
      result: 'failed' as const,
    }
    await Promise.all([a.append(event), b.append(event), a.query({ limit: 1 }), b.facets()])
    const client = new Client({ connectionString: pg?.url(db) })
    await client.connect()
    const { rows } = await client.query('SELECT version FROM audit_schema_version')
    await client.end()
    expect(rows).toEqual([{ version: 1 }])
    expect((await open(db).query({ limit: 10 })).events).toHaveLength(2)
  })

  it('rejects an unreachable database on use (the recorder turns that into a counted failure)', async () => {
    const store = openPostgresAuditStore(`postgres://postgres@127.0.0.1:${await freePort()}/none`)
    opened.push(store)
    await expect(store.query({ limit: 1 })).rejects.toThrow()
  })
})
