import 'server-only'

import type { RecordingFailures } from '@/lib/audit/audit-dto'

import { toJsonColumn, type AuditStoreQuery } from './audit-store'
import type { AuditEvent } from './record-audit-event'

// The statements both dialects run word for word; each store keeps its own DDL, migrations and connection handling.

/** How a dialect spells a bound parameter and the values it binds for times and ids. */
export type SqlDialect = {
  placeholder: (index: number) => string
  time: (date: Date) => unknown
  id: (id: string) => unknown
}

// `\` escapes LIKE's wildcards in the person's text, so "a_b" matches only "a_b". Both SQLite and PostgreSQL accept
// `ESCAPE '\'`; lower() on both sides because PostgreSQL's LIKE is case-sensitive and SQLite's is ASCII-only.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The WHERE clause (standard SQL both dialects accept) and its parameters for the filters and the cursor.
 * Newest first is `ORDER BY occurred_at DESC, id DESC`, so "older than the cursor" is the row-value comparison
 * spelled out (SQLite lacks row values in older builds).
 */
export function buildAuditWhere(query: AuditStoreQuery, dialect: SqlDialect): { where: string; params: unknown[] } {
  const clauses: string[] = []
  const params: unknown[] = []
  const bind = (value: unknown) => {
    params.push(value)
    return dialect.placeholder(params.length)
  }
  if (query.cluster) {
    clauses.push(`cluster_region = ${bind(query.cluster.region)} AND cluster_name = ${bind(query.cluster.name)}`)
  }
  if (query.actor)
    clauses.push(`lower(actor_name) LIKE ${bind(`%${escapeLike(query.actor.toLowerCase())}%`)} ESCAPE '\\'`)
  if (query.action) clauses.push(`action = ${bind(query.action)}`)
  if (query.result) clauses.push(`result = ${bind(query.result)}`)
  if (query.since) clauses.push(`occurred_at >= ${bind(dialect.time(query.since))}`)
  if (query.until) clauses.push(`occurred_at <= ${bind(dialect.time(query.until))}`)
  if (query.cursor) {
    const at = dialect.time(new Date(query.cursor.occurredAtMs))
    clauses.push(
      `(occurred_at < ${bind(at)} OR (occurred_at = ${bind(at)} AND id < ${bind(dialect.id(query.cursor.id))}))`,
    )
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params }
}

// The columns an append writes, in the order of the values from toAuditValues.
const INSERT_COLUMNS = [
  'occurred_at',
  'actor_name',
  'actor_role',
  'action',
  'cluster_region',
  'cluster_name',
  'target',
  'result',
  'message',
  'before_json',
  'after_json',
] as const

/** The INSERT of one event, its values bound in {@link toAuditValues} order. */
export function buildAuditInsert(dialect: SqlDialect): string {
  const placeholders = INSERT_COLUMNS.map((_, i) => dialect.placeholder(i + 1))
  return `INSERT INTO audit_events (${INSERT_COLUMNS.join(', ')}) VALUES (${placeholders.join(', ')})`
}

/** The values {@link buildAuditInsert} binds for an event, in column order. */
export function toAuditValues(event: AuditEvent, occurredAt: Date, dialect: SqlDialect): unknown[] {
  return [
    dialect.time(occurredAt),
    event.actor.name,
    event.actor.role,
    event.action,
    event.cluster?.region ?? null,
    event.cluster?.name ?? null,
    event.target,
    event.result,
    event.message ?? null,
    toJsonColumn(event.before),
    toJsonColumn(event.after),
  ]
}

/** One page of the filtered log, newest first, reading `limit + 1` rows so the caller can tell whether more follow. */
export function buildAuditPageQuery(query: AuditStoreQuery, dialect: SqlDialect): { sql: string; params: unknown[] } {
  const { where, params } = buildAuditWhere(query, dialect)
  return {
    sql: `SELECT * FROM audit_events ${where} ORDER BY occurred_at DESC, id DESC LIMIT ${dialect.placeholder(params.length + 1)}`,
    params: [...params, query.limit + 1],
  }
}

/** The distinct clusters in the log (for the filter choices). */
export const AUDIT_FACET_CLUSTERS = `SELECT DISTINCT cluster_region AS region, cluster_name AS name FROM audit_events
  WHERE cluster_name IS NOT NULL ORDER BY cluster_region, cluster_name LIMIT 500`

/** The distinct actions in the log (for the filter choices). */
export const AUDIT_FACET_ACTIONS = 'SELECT DISTINCT action FROM audit_events ORDER BY action LIMIT 500'

/**
 * Adds not-recorded events to the single counter row (id 1), creating it on first use. `ON CONFLICT … DO UPDATE` is
 * spelled the same in SQLite (3.24+) and PostgreSQL; the latest time and reference win.
 */
export function buildRecordingFailuresUpsert(dialect: SqlDialect): string {
  const [count, lastAt, reference] = [1, 2, 3].map(dialect.placeholder)
  return `INSERT INTO audit_recording_failures (id, count, last_at, reference) VALUES (1, ${count}, ${lastAt}, ${reference})
  ON CONFLICT (id) DO UPDATE SET count = audit_recording_failures.count + excluded.count,
    last_at = excluded.last_at, reference = excluded.reference`
}

/** The counter row, if any event was ever not recorded. */
export const RECORDING_FAILURES_SELECT = 'SELECT count, last_at, reference FROM audit_recording_failures WHERE id = 1'

/** The counter row as both dialects return it (`last_at`: epoch ms in SQLite, a Date in PostgreSQL). */
export type RecordingFailuresRow = { count: number | string; last_at: number | Date; reference: string }

/** Turns the counter row into the DTO the audit page shows. */
export function toRecordingFailures(row: RecordingFailuresRow | undefined): RecordingFailures | null {
  if (!row) return null
  return { count: Number(row.count), lastAt: new Date(row.last_at).toISOString(), reference: row.reference }
}
