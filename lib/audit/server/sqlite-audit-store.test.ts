import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { openSqliteAuditStore } = await import('./sqlite-audit-store')
const { describeAuditStoreContract } = await import('@/tests/support/audit-store-contract')
const { describeSessionStoreContract } = await import('@/tests/support/session-store-contract')

const root = mkdtempSync(join(tmpdir(), 'audit-sqlite-'))
let opened: { close: () => Promise<void> }[] = []
let counter = 0
afterEach(async () => {
  await Promise.all(opened.map((s) => s.close()))
  opened = []
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A store over a new file in a new folder (the folder is created by the store). */
function openFresh(path = join(root, `run-${++counter}`, 'audit.sqlite')) {
  const store = openSqliteAuditStore(path)
  opened.push(store)
  return store
}

describeAuditStoreContract('SQLite', async () => openFresh())
describeSessionStoreContract('SQLite', async () => {
  const path = join(root, `run-${++counter}`, 'audit.sqlite')
  return { store: openFresh(path), reopen: async () => openFresh(path) }
})

describe('SQLite audit store file', () => {
  it('creates its folder (git-ignored), a WAL database and the version table', async () => {
    const folder = join(root, 'nested', 'deeper')
    const file = join(folder, 'audit.sqlite')
    openFresh(file)
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(join(folder, '.gitignore'), 'utf8')).toContain('*')
    const db = new Database(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.prepare('SELECT version FROM audit_schema_version').all()).toEqual([{ version: 1 }, { version: 2 }])
    db.close()
  })

  it('opens an existing log again without re-creating the schema or losing events', async () => {
    const file = join(root, 'reopen', 'audit.sqlite')
    const first = openFresh(file)
    await first.append({ actor: { name: 'a', role: 'admin' }, action: 'x.y', target: 't', result: 'succeeded' })
    await first.close()
    opened = opened.filter((s) => s !== first)
    const second = openFresh(file)
    openFresh(file) // a second connection at the same time (another route bundle) is fine too
    expect((await second.query({ limit: 5 })).events).toHaveLength(1)
    const db = new Database(file, { readonly: true })
    expect(db.prepare('SELECT count(*) AS n FROM audit_schema_version').get()).toEqual({ n: 2 })
    db.close()
  })

  it('upgrades a log created with the version 1 schema, keeping every row and its id, to accept "refused"', async () => {
    const file = join(root, 'v1', 'audit.sqlite')
    mkdirSync(join(root, 'v1'))
    const old = new Database(file)
    // The version 1 DDL as the console shipped it, with two events (ids 7 and 8, after a deleted row).
    old.exec(`CREATE TABLE audit_schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);
      INSERT INTO audit_schema_version VALUES (1, 0);
      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT, occurred_at INTEGER NOT NULL, actor_name TEXT NOT NULL,
        actor_role TEXT NOT NULL, action TEXT NOT NULL, cluster_region TEXT, cluster_name TEXT, target TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('succeeded', 'partial', 'failed')), message TEXT, before_json TEXT,
        after_json TEXT);
      CREATE INDEX audit_events_newest ON audit_events (occurred_at DESC, id DESC);
      CREATE INDEX audit_events_cluster ON audit_events (cluster_region, cluster_name, occurred_at DESC, id DESC);
      INSERT INTO audit_events VALUES (7, 1000, 'editor', 'editor', 'access-entry.grant', 'us-west-2', 'prod-web',
        'arn:aws:iam::111122223333:role/A', 'succeeded', NULL, 'null', '{"username":"a"}');
      INSERT INTO audit_events VALUES (8, 2000, 'editor', 'editor', 'access-entry.delete', 'us-west-2', 'prod-web',
        'arn:aws:iam::111122223333:role/B', 'failed', 'Refused', '{"policies":[]}', NULL);`)
    expect(() =>
      old.exec(`INSERT INTO audit_events (occurred_at, actor_name, actor_role, action, target, result)
        VALUES (3000, 'e', 'editor', 'x', 't', 'refused')`),
    ).toThrow(/CHECK constraint/)
    old.close()

    const store = openFresh(file)
    const { events } = await store.query({ limit: 10 })
    expect(events.map((e) => [e.id, e.target.split('/').pop(), e.result])).toEqual([
      ['8', 'B', 'failed'],
      ['7', 'A', 'succeeded'],
    ])
    expect(events[1]).toMatchObject({ before: null, after: { username: 'a' } })
    const refused = await store.append({
      actor: { name: 'e', role: 'editor' },
      action: 'x',
      target: 't',
      result: 'refused',
    })
    expect(refused.id).toBe('9')
    expect((await store.query({ result: 'refused', limit: 5 })).events).toHaveLength(1)
    const db = new Database(file, { readonly: true })
    expect(db.prepare('SELECT version FROM audit_schema_version ORDER BY version').all()).toEqual([
      { version: 1 },
      { version: 2 },
    ])
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_events'").all(),
    ).toEqual(expect.arrayContaining([{ name: 'audit_events_newest' }, { name: 'audit_events_cluster' }]))
    db.close()
  })

  it.each([
    [
      'under a file',
      () => {
        writeFileSync(join(root, 'a-file'), '')
        return join(root, 'a-file', 'x', 'audit.sqlite')
      },
    ],
    ['under /proc', () => '/proc/no-such-folder/audit.sqlite'],
  ])('fails fast (never hangs) on a folder it cannot create: %s', (_name, path) => {
    expect(() => openSqliteAuditStore(path())).toThrow()
  })

  it('does not write a .gitignore into a folder that already existed', async () => {
    const folder = mkdtempSync(join(root, 'existing-'))
    openFresh(join(folder, 'audit.sqlite'))
    expect(existsSync(join(folder, '.gitignore'))).toBe(false)
  })
})
