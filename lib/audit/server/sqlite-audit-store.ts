import 'server-only'

import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'

import {
  AUDIT_FACET_ACTIONS,
  AUDIT_FACET_CLUSTERS,
  buildAuditInsert,
  buildAuditPageQuery,
  buildRecordingFailuresUpsert,
  RECORDING_FAILURES_SELECT,
  toAuditValues,
  toRecordingFailures,
  type RecordingFailuresRow,
  type SqlDialect,
} from './audit-sql'
import {
  toAuditPage,
  type AuditRow,
  type AuditStore,
  type AuditStoreFacets,
  type AuditStoreQuery,
  type StoredAuditEvent,
} from './audit-store'
import type { AuditEvent } from './record-audit-event'
import { openSqliteSessionStore } from './sqlite-session-store'

// Every SQLite statement of the audit log lives in this file. Times are epoch milliseconds (INTEGER), so the
// newest-first index orders them exactly; before/after are JSON text.
const migrations: { version: number; statements: string[] }[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        occurred_at INTEGER NOT NULL,
        actor_name TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        action TEXT NOT NULL,
        cluster_region TEXT,
        cluster_name TEXT,
        target TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('succeeded', 'partial', 'failed')),
        message TEXT,
        before_json TEXT,
        after_json TEXT
      )`,
      'CREATE INDEX audit_events_newest ON audit_events (occurred_at DESC, id DESC)',
      'CREATE INDEX audit_events_cluster ON audit_events (cluster_region, cluster_name, occurred_at DESC, id DESC)',
    ],
  },
  {
    // The result `refused` (a change the console turned down itself). SQLite cannot alter a CHECK constraint, so the
    // table is rebuilt the way https://www.sqlite.org/lang_altertable.html#otheralter describes: new table, copy
    // every row with its id, drop, rename, re-create the indexes. Also the not-recorded counter (one row).
    version: 2,
    statements: [
      `CREATE TABLE audit_events_v2 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        occurred_at INTEGER NOT NULL,
        actor_name TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        action TEXT NOT NULL,
        cluster_region TEXT,
        cluster_name TEXT,
        target TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('succeeded', 'partial', 'failed', 'refused')),
        message TEXT,
        before_json TEXT,
        after_json TEXT
      )`,
      'INSERT INTO audit_events_v2 SELECT * FROM audit_events',
      'DROP TABLE audit_events',
      'ALTER TABLE audit_events_v2 RENAME TO audit_events',
      'CREATE INDEX audit_events_newest ON audit_events (occurred_at DESC, id DESC)',
      'CREATE INDEX audit_events_cluster ON audit_events (cluster_region, cluster_name, occurred_at DESC, id DESC)',
      `CREATE TABLE audit_recording_failures (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        count INTEGER NOT NULL,
        last_at INTEGER NOT NULL,
        reference TEXT NOT NULL
      )`,
    ],
  },
]

const SCHEMA_VERSION_TABLE = `CREATE TABLE IF NOT EXISTS audit_schema_version (
  version INTEGER PRIMARY KEY,
  applied_at INTEGER NOT NULL
)`

const dialect: SqlDialect = { placeholder: () => '?', time: (d: Date) => d.getTime(), id: (id: string) => Number(id) }

/** Creates the tables a version at a time, in one transaction; running it again is a no-op. */
function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec(SCHEMA_VERSION_TABLE)
    const { current } = db.prepare('SELECT coalesce(max(version), 0) AS current FROM audit_schema_version').get() as {
      current: number
    }
    for (const migration of migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version)) {
      for (const statement of migration.statements) db.exec(statement)
      db.prepare('INSERT INTO audit_schema_version (version, applied_at) VALUES (?, ?)').run(
        migration.version,
        Date.now(),
      )
    }
  }).immediate()
}

/** Creates the folder of a new database; a folder the console creates gets a `.gitignore` so the log is never committed. */
function ensureFolder(file: string): void {
  const folder = dirname(file)
  if (existsSync(folder)) return
  // One level at a time rather than mkdirSync({ recursive: true }): on Node 20 that spins forever, blocking the
  // whole server, when the kernel answers ENOENT under an existing parent (seen with a path under /proc).
  const missing: string[] = []
  for (let current = folder; !existsSync(current); current = dirname(current)) {
    missing.unshift(current)
    if (dirname(current) === current) break
  }
  for (const level of missing) mkdirSync(level)
  writeFileSync(join(folder, '.gitignore'), '# Created by the EKS Access Console: local audit log data.\n*\n')
}

/**
 * Opens (creating when missing) the SQLite audit log at `path`, relative to the working directory. WAL lets the
 * page read while a route writes; busy_timeout makes a second process wait for the lock instead of failing at once.
 */
export function openSqliteAuditStore(path: string): AuditStore {
  const file = path === ':memory:' ? path : resolve(path)
  if (file !== ':memory:') ensureFolder(file)
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  const insert = db.prepare(buildAuditInsert(dialect))

  return {
    kind: 'sqlite',
    sessions: openSqliteSessionStore(db),
    async append(event: AuditEvent, occurredAt = new Date()): Promise<StoredAuditEvent> {
      const info = insert.run(...toAuditValues(event, occurredAt, dialect))
      return { ...event, id: String(info.lastInsertRowid), occurredAt }
    },
    async query(query: AuditStoreQuery) {
      const { sql, params } = buildAuditPageQuery(query, dialect)
      const rows = db.prepare(sql).all(...params) as AuditRow[]
      return toAuditPage(rows, query.limit)
    },
    async facets(): Promise<AuditStoreFacets> {
      const clusters = db.prepare(AUDIT_FACET_CLUSTERS).all() as { region: string; name: string }[]
      const actions = db.prepare(AUDIT_FACET_ACTIONS).all() as { action: string }[]
      return { clusters, actions: actions.map((a) => a.action) }
    },
    async addRecordingFailures(failures) {
      db.prepare(buildRecordingFailuresUpsert(dialect)).run(
        failures.count,
        dialect.time(new Date(failures.lastAt)),
        failures.reference,
      )
    },
    async readRecordingFailures() {
      return toRecordingFailures(db.prepare(RECORDING_FAILURES_SELECT).get() as RecordingFailuresRow | undefined)
    },
    async close() {
      db.close()
    },
  }
}
