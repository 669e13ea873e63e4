import 'server-only'

import { Pool } from 'pg'

import { logServerError } from '@/lib/api/server/log-server-error'

import { openPostgresAccessRequestStore, requestsTable } from './access-request-store'
import { fromGrantRow, type GrantRow, type NewGrant, type TimeBoundStore } from './time-bound-store'

// The same tables as the SQLite store, with TIMESTAMPTZ times, in the audit log's database.
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
        created_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'revoked', 'drifted')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TIMESTAMPTZ NOT NULL,
        last_error TEXT,
        claimed_by TEXT,
        claimed_until TIMESTAMPTZ,
        finished_at TIMESTAMPTZ
      )`,
      'CREATE INDEX time_bound_grants_due ON time_bound_grants (status, next_attempt_at)',
      'CREATE INDEX time_bound_grants_cluster ON time_bound_grants (cluster_region, cluster_name, status)',
      `CREATE TABLE time_bound_settings (
        cluster_region TEXT NOT NULL,
        cluster_name TEXT NOT NULL,
        max_seconds INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (cluster_region, cluster_name)
      )`,
    ],
  },
  {
    // Requests get their decision time; settings say whether editors may decide the cluster's requests.
    version: 2,
    statements: [
      requestsTable('TIMESTAMPTZ'),
      'ALTER TABLE time_bound_requests ADD COLUMN IF NOT EXISTS decided_at TIMESTAMPTZ',
      'ALTER TABLE time_bound_settings ADD COLUMN IF NOT EXISTS editors_may_approve BOOLEAN NOT NULL DEFAULT false',
    ],
  },
]

// Not the audit migration's key (0x61756469): two schemas migrating at once must not wait on each other for nothing.
const MIGRATION_LOCK = 0x74696d65

const COLUMNS = `id, cluster_region, cluster_name, principal_arn, addition_json, created_by, created_at, expires_at,
  status, attempts, next_attempt_at, last_error`

// FOR UPDATE SKIP LOCKED: a replica claiming at the same moment skips the rows this one is claiming instead of waiting
// for them, and the lease (claimed_until) keeps them claimed after the transaction, while the revocation runs
// (https://www.postgresql.org/docs/current/sql-select.html#SQL-FOR-UPDATE-SHARE).
const CLAIM = `UPDATE time_bound_grants SET claimed_by = $2, claimed_until = $3
  WHERE id IN (
    SELECT id FROM time_bound_grants WHERE status = 'active' AND next_attempt_at <= $1
    AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED
  ) RETURNING ${COLUMNS}`

/** Connects a pool to `databaseUrl` and creates the grants tables on first use (retried if that fails). */
export function openPostgresTimeBoundStore(databaseUrl: string, options: { max?: number } = {}): TimeBoundStore {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: options.max ?? 3,
    connectionTimeoutMillis: 5000,
    query_timeout: 10_000,
  })
  pool.on('error', (error) => logServerError('time-bound-pool', 'PostgreSQL time-bound store idle connection', error))
  let ready: Promise<void> | null = null
  const migrateOnce = async () => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      await client.query('CREATE TABLE IF NOT EXISTS time_bound_schema_version (version INTEGER PRIMARY KEY)')
      const { rows } = await client.query<{ current: number }>(
        'SELECT coalesce(max(version), 0) AS current FROM time_bound_schema_version',
      )
      for (const migration of migrations.filter((m) => m.version > (rows[0]?.current ?? 0))) {
        for (const statement of migration.statements) await client.query(statement)
        await client.query('INSERT INTO time_bound_schema_version VALUES ($1)', [migration.version])
      }
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }
  const query = async <R extends object>(sql: string, params: unknown[]) => {
    ready ??= migrateOnce().catch((error: unknown) => {
      ready = null
      throw error
    })
    await ready
    return pool.query<R>(sql, params)
  }

  return {
    kind: 'postgres',
    requests: openPostgresAccessRequestStore(query),
    async add(grant: NewGrant) {
      await query(
        `INSERT INTO time_bound_grants (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', 0, $8, NULL)`,
        [
          grant.id,
          grant.region,
          grant.cluster,
          grant.principalArn,
          JSON.stringify(grant.addition),
          grant.createdBy,
          grant.createdAt,
          grant.expiresAt,
        ],
      )
    },
    async discard(id) {
      await query("DELETE FROM time_bound_grants WHERE id = $1 AND status = 'active'", [id])
    },
    async updateAddition(id, addition) {
      await query("UPDATE time_bound_grants SET addition_json = $1 WHERE id = $2 AND status = 'active'", [
        JSON.stringify(addition),
        id,
      ])
    },
    async listActive(target) {
      const { rows } = target
        ? await query<GrantRow>(
            `SELECT ${COLUMNS} FROM time_bound_grants WHERE cluster_region = $1 AND cluster_name = $2
             AND status = 'active' ORDER BY expires_at`,
            [target.region, target.cluster],
          )
        : await query<GrantRow>(
            `SELECT ${COLUMNS} FROM time_bound_grants WHERE status = 'active' ORDER BY expires_at`,
            [],
          )
      return rows.map(fromGrantRow)
    },
    async listFailing(minAttempts) {
      const { rows } = await query<GrantRow>(
        `SELECT ${COLUMNS} FROM time_bound_grants WHERE status = 'active' AND attempts >= $1 ORDER BY expires_at`,
        [minAttempts],
      )
      return rows.map(fromGrantRow)
    },
    async claimDue(now, owner, leaseUntil, limit) {
      const { rows } = await query<GrantRow>(CLAIM, [now, owner, leaseUntil, limit])
      return rows.map(fromGrantRow)
    },
    async finish(id, owner, status, at) {
      const { rowCount } = await query(
        `UPDATE time_bound_grants SET status = $1, finished_at = $2, claimed_by = NULL, claimed_until = NULL
         WHERE id = $3 AND claimed_by = $4 AND status = 'active'`,
        [status, at, id, owner],
      )
      return rowCount === 1
    },
    async retryLater(id, owner, nextAttemptAt, error) {
      await query(
        `UPDATE time_bound_grants SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2, claimed_by = NULL,
         claimed_until = NULL WHERE id = $3 AND claimed_by = $4`,
        [nextAttemptAt, error, id, owner],
      )
    },
    async readSettings({ region, cluster }) {
      const { rows } = await query<{ max_seconds: number; editors_may_approve: boolean; updated_by: string }>(
        `SELECT max_seconds, editors_may_approve, updated_by FROM time_bound_settings
         WHERE cluster_region = $1 AND cluster_name = $2`,
        [region, cluster],
      )
      const row = rows[0]
      return row
        ? { maxSeconds: row.max_seconds, editorsMayApprove: row.editors_may_approve, updatedBy: row.updated_by }
        : null
    },
    async writeSettings({ region, cluster }, settings, by) {
      await query(
        `INSERT INTO time_bound_settings (cluster_region, cluster_name, max_seconds, updated_by, editors_may_approve)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (cluster_region, cluster_name)
         DO UPDATE SET max_seconds = excluded.max_seconds, updated_by = excluded.updated_by, updated_at = now(),
         editors_may_approve = excluded.editors_may_approve`,
        [region, cluster, settings.maxSeconds, by, settings.editorsMayApprove],
      )
    },
    async close() {
      await pool.end()
    },
  }
}
