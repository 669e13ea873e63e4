import 'server-only'

import { resolve } from 'node:path'
import Database from 'better-sqlite3'

import { openSqliteAccessRequestStore, requestsTable } from './access-request-store'
import { fromGrantRow, type GrantRow, type NewGrant, type TimeBoundStore } from './time-bound-store'

// Its own tables and version counter in the audit log's SQLite file (times are epoch milliseconds).
const migrations: { version: number; statements: string[] }[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE time_bound_grants (
        id TEXT PRIMARY KEY,
        cluster_region TEXT NOT NULL,
        cluster_name TEXT NOT NULL,
        principal_arn TEXT NOT NULL,
        addition_json TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'revoked', 'drifted')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        claimed_by TEXT,
        claimed_until INTEGER,
        finished_at INTEGER
      )`,
      'CREATE INDEX time_bound_grants_due ON time_bound_grants (status, next_attempt_at)',
      'CREATE INDEX time_bound_grants_cluster ON time_bound_grants (cluster_region, cluster_name, status)',
      `CREATE TABLE time_bound_settings (
        cluster_region TEXT NOT NULL,
        cluster_name TEXT NOT NULL,
        max_seconds INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (cluster_region, cluster_name)
      )`,
    ],
  },
  {
    // Requests get their decision time; settings say whether editors may decide the cluster's requests.
    version: 2,
    statements: [
      requestsTable('INTEGER'),
      'ALTER TABLE time_bound_requests ADD COLUMN decided_at INTEGER',
      'ALTER TABLE time_bound_settings ADD COLUMN editors_may_approve INTEGER NOT NULL DEFAULT 0',
    ],
  },
]

function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS time_bound_schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER)')
    const { current } = db
      .prepare('SELECT coalesce(max(version), 0) AS current FROM time_bound_schema_version')
      .get() as { current: number }
    for (const migration of migrations.filter((m) => m.version > current)) {
      for (const statement of migration.statements) db.exec(statement)
      db.prepare('INSERT INTO time_bound_schema_version VALUES (?, ?)').run(migration.version, Date.now())
    }
  }).immediate()
}

const COLUMNS = `id, cluster_region, cluster_name, principal_arn, addition_json, created_by, created_at, expires_at,
  status, attempts, next_attempt_at, last_error`

/**
 * Opens the grants store in the SQLite file at `path` (the audit log's file; the caller has created its folder). A
 * claim runs in an IMMEDIATE transaction, which takes SQLite's write lock first, so two processes sharing the file
 * never claim the same grant.
 */
export function openSqliteTimeBoundStore(path: string): TimeBoundStore {
  const db = new Database(path === ':memory:' ? path : resolve(path))
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  const selectDue = db.prepare(
    `SELECT ${COLUMNS} FROM time_bound_grants WHERE status = 'active' AND next_attempt_at <= ?
     AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at LIMIT ?`,
  )
  const claim = db.prepare('UPDATE time_bound_grants SET claimed_by = ?, claimed_until = ? WHERE id = ?')
  const claimDue = db.transaction((now: number, owner: string, until: number, limit: number) => {
    const rows = selectDue.all(now, now, limit) as GrantRow[]
    for (const row of rows) claim.run(owner, until, row.id)
    return rows
  })

  return {
    kind: 'sqlite',
    requests: openSqliteAccessRequestStore(db),
    async add(grant: NewGrant) {
      db.prepare(
        `INSERT INTO time_bound_grants (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', 0, ?, NULL)`,
      ).run(
        grant.id,
        grant.region,
        grant.cluster,
        grant.principalArn,
        JSON.stringify(grant.addition),
        grant.createdBy,
        grant.createdAt.getTime(),
        grant.expiresAt.getTime(),
        grant.expiresAt.getTime(),
      )
    },
    async discard(id) {
      db.prepare("DELETE FROM time_bound_grants WHERE id = ? AND status = 'active'").run(id)
    },
    async updateAddition(id, addition) {
      db.prepare("UPDATE time_bound_grants SET addition_json = ? WHERE id = ? AND status = 'active'").run(
        JSON.stringify(addition),
        id,
      )
    },
    async listActive(target) {
      const rows = (
        target
          ? db
              .prepare(
                `SELECT ${COLUMNS} FROM time_bound_grants WHERE cluster_region = ? AND cluster_name = ?
                 AND status = 'active' ORDER BY expires_at`,
              )
              .all(target.region, target.cluster)
          : db.prepare(`SELECT ${COLUMNS} FROM time_bound_grants WHERE status = 'active' ORDER BY expires_at`).all()
      ) as GrantRow[]
      return rows.map(fromGrantRow)
    },
    async listFailing(minAttempts) {
      const rows = db
        .prepare(
          `SELECT ${COLUMNS} FROM time_bound_grants WHERE status = 'active' AND attempts >= ? ORDER BY expires_at`,
        )
        .all(minAttempts) as GrantRow[]
      return rows.map(fromGrantRow)
    },
    async claimDue(now, owner, leaseUntil, limit) {
      const rows = claimDue.immediate(now.getTime(), owner, leaseUntil.getTime(), limit) as GrantRow[]
      return rows.map(fromGrantRow)
    },
    async finish(id, owner, status, at) {
      const info = db
        .prepare(
          `UPDATE time_bound_grants SET status = ?, finished_at = ?, claimed_by = NULL, claimed_until = NULL
           WHERE id = ? AND claimed_by = ? AND status = 'active'`,
        )
        .run(status, at.getTime(), id, owner)
      return info.changes === 1
    },
    async retryLater(id, owner, nextAttemptAt, error) {
      db.prepare(
        `UPDATE time_bound_grants SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, claimed_by = NULL,
         claimed_until = NULL WHERE id = ? AND claimed_by = ?`,
      ).run(nextAttemptAt.getTime(), error, id, owner)
    },
    async readSettings({ region, cluster }) {
      const row = db
        .prepare(
          `SELECT max_seconds, editors_may_approve, updated_by FROM time_bound_settings
           WHERE cluster_region = ? AND cluster_name = ?`,
        )
        .get(region, cluster) as { max_seconds: number; editors_may_approve: number; updated_by: string } | undefined
      return row
        ? { maxSeconds: row.max_seconds, editorsMayApprove: row.editors_may_approve === 1, updatedBy: row.updated_by }
        : null
    },
    async writeSettings({ region, cluster }, settings, by) {
      db.prepare(
        `INSERT INTO time_bound_settings (cluster_region, cluster_name, max_seconds, updated_by, updated_at,
         editors_may_approve) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (cluster_region, cluster_name)
         DO UPDATE SET max_seconds = excluded.max_seconds, updated_by = excluded.updated_by,
         updated_at = excluded.updated_at, editors_may_approve = excluded.editors_may_approve`,
      ).run(region, cluster, settings.maxSeconds, by, Date.now(), settings.editorsMayApprove ? 1 : 0)
    },
    async close() {
      db.close()
    },
  }
}
