import { Client } from 'pg'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'

import { freePort, startLocalPostgres } from '@/tests/support/start-local-postgres'

import type { AuditStore } from './audit-store'

vi.mock('server-only', () => ({}))

const { openPostgresAuditStore } = await import('./postgres-audit-store')
const { describeAuditStoreContract } = await import('@/tests/support/audit-store-contract')
const { describeSessionStoreContract } = await import('@/tests/support/session-store-contract')

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
    expect(rows).toEqual([{ version: 1 }, { version: 2 }])
    expect((await open(db).query({ limit: 10 })).events).toHaveLength(2)
  })

  it('upgrades a log created with the version 1 schema, keeping every row and its id, to accept "refused"', async () => {
    const db = await createDatabase()
    const client = new Client({ connectionString: pg?.url(db) })
    await client.connect()
    // The version 1 DDL as the console shipped it, with one event.
    await client.query(`CREATE TABLE audit_schema_version (version INTEGER PRIMARY KEY,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
      INSERT INTO audit_schema_version (version) VALUES (1);
      CREATE TABLE audit_events (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, occurred_at TIMESTAMPTZ NOT NULL, actor_name TEXT NOT NULL,
        actor_role TEXT NOT NULL, action TEXT NOT NULL, cluster_region TEXT, cluster_name TEXT, target TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('succeeded', 'partial', 'failed')), message TEXT, before_json TEXT,
        after_json TEXT);
      CREATE INDEX audit_events_newest ON audit_events (occurred_at DESC, id DESC);
      CREATE INDEX audit_events_cluster ON audit_events (cluster_region, cluster_name, occurred_at DESC, id DESC);
      INSERT INTO audit_events (occurred_at, actor_name, actor_role, action, target, result, after_json)
        VALUES ('2026-11-01T10:00:00Z', 'editor', 'editor', 'access-entry.grant', 't-old', 'failed', '{"a":1}');`)
    await expect(
      client.query(`INSERT INTO audit_events (occurred_at, actor_name, actor_role, action, target, result)
        VALUES (now(), 'e', 'editor', 'x', 't', 'refused')`),
    ).rejects.toThrow(/audit_events_result_check/)
    await client.end()

    const store = open(db)
    const refused = await store.append({
      actor: { name: 'e', role: 'editor' },
      action: 'x',
      target: 't',
      result: 'refused',
    })
    const { events } = await store.query({ limit: 10 })
    expect(events.map((e) => [e.id, e.target, e.result])).toEqual([
      [refused.id, 't', 'refused'],
      ['1', 't-old', 'failed'],
    ])
    expect(events[1]?.after).toEqual({ a: 1 })
  })

  it('rejects an unreachable database on use (the recorder turns that into a counted failure)', async () => {
    const store = openPostgresAuditStore(`postgres://postgres@127.0.0.1:${await freePort()}/none`)
    opened.push(store)
    await expect(store.query({ limit: 1 })).rejects.toThrow()
  })
})
