import 'server-only'

import type { AuditStoreQuery } from './audit-store'

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
