import 'server-only'

import { Pool, type PoolClient } from 'pg'

import { logServerError } from '@/lib/api/server/log-server-error'

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
import { openPostgresSessionStore } from './postgres-session-store'
import type { AuditEvent } from './record-audit-event'

// Every PostgreSQL statement of the audit log lives in this file: the same tables and columns as the SQLite store,
// with TIMESTAMPTZ times (readable by an operator's own SQL) and an identity id.
const migrations: { version: number; statements: string[] }[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE audit_events (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at TIMESTAMPTZ NOT NULL,
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
    // The result `refused` (a change the console turned down itself): PostgreSQL named version 1's column CHECK
    // audit_events_result_check; swapping it keeps every row. Also the not-recorded counter (one row).
    version: 2,
    statements: [
      `ALTER TABLE audit_events DROP CONSTRAINT audit_events_result_check,
        ADD CONSTRAINT audit_events_result_check CHECK (result IN ('succeeded', 'partial', 'failed', 'refused'))`,
      `CREATE TABLE audit_recording_failures (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        count BIGINT NOT NULL,
        last_at TIMESTAMPTZ NOT NULL,
        reference TEXT NOT NULL
      )`,
    ],
  },
]

const SCHEMA_VERSION_TABLE = `CREATE TABLE IF NOT EXISTS audit_schema_version (
  version INTEGER PRIMARY KEY,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)`

// Any constant works: it only has to be the same in every console replica that migrates the same database.
const MIGRATION_LOCK = 0x61756469

const dialect: SqlDialect = { placeholder: (i: number) => `$${i}`, time: (d: Date) => d, id: (id: string) => id }

const INSERT = `${buildAuditInsert(dialect)} RETURNING id`

/** Applies pending migrations in one transaction, holding an advisory lock so two replicas never race. */
async function migrate(client: PoolClient): Promise<void> {
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(SCHEMA_VERSION_TABLE)
    const { rows } = await client.query<{ current: number }>(
      'SELECT coalesce(max(version), 0) AS current FROM audit_schema_version',
    )
    const current = rows[0]?.current ?? 0
    for (const migration of migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version)) {
      for (const statement of migration.statements) await client.query(statement)
      await client.query('INSERT INTO audit_schema_version (version) VALUES ($1)', [migration.version])
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}

/**
 * Connects a pool to `databaseUrl` and creates the schema on first use (retried on the next call if that fails, so
 * a database that comes up after the console still gets used).
 */
export function openPostgresAuditStore(databaseUrl: string, options: { max?: number } = {}): AuditStore {
  // Writes wait for their audit event, so a stuck database must cost a person seconds, not a hung request.
  const pool = new Pool({
    connectionString: databaseUrl,
    max: options.max ?? 5,
    connectionTimeoutMillis: 5000,
    query_timeout: 10_000,
  })
  // An idle client losing its connection emits 'error' on the pool; unhandled, it would crash the server.
  pool.on('error', (error) => logServerError('audit-pool', 'PostgreSQL audit store idle connection', error))
  let ready: Promise<void> | null = null
  const migrateOnce = async () => {
    const client = await pool.connect()
    try {
      await migrate(client)
    } finally {
      client.release()
    }
  }
  const ensureSchema = () => {
    ready ??= migrateOnce().catch((error: unknown) => {
      ready = null
      throw error
    })
    return ready
  }

  return {
    kind: 'postgres',
    sessions: openPostgresSessionStore(pool),
    async append(event: AuditEvent, occurredAt = new Date()): Promise<StoredAuditEvent> {
      await ensureSchema()
      const { rows } = await pool.query<{ id: string }>(INSERT, toAuditValues(event, occurredAt, dialect))
      return { ...event, id: String(rows[0]?.id), occurredAt }
    },
    async query(query: AuditStoreQuery) {
      await ensureSchema()
      const { sql, params } = buildAuditPageQuery(query, dialect)
      const { rows } = await pool.query<AuditRow>(sql, params)
      return toAuditPage(rows, query.limit)
    },
    async facets(): Promise<AuditStoreFacets> {
      await ensureSchema()
      const clusters = await pool.query<{ region: string; name: string }>(AUDIT_FACET_CLUSTERS)
      const actions = await pool.query<{ action: string }>(AUDIT_FACET_ACTIONS)
      return { clusters: clusters.rows, actions: actions.rows.map((a) => a.action) }
    },
    async addRecordingFailures(failures) {
      await ensureSchema()
      await pool.query(buildRecordingFailuresUpsert(dialect), [
        failures.count,
        dialect.time(new Date(failures.lastAt)),
        failures.reference,
      ])
    },
    async readRecordingFailures() {
      await ensureSchema()
      const { rows } = await pool.query<RecordingFailuresRow>(RECORDING_FAILURES_SELECT)
      return toRecordingFailures(rows[0])
    },
    async close() {
      await pool.end()
    },
  }
}
