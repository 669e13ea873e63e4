import 'server-only'

import type Database from 'better-sqlite3'

import {
  createAccessRequestSchema,
  type AccessRequestFilter,
  type CreateAccessRequestInput,
} from '@/lib/time-bound/access-request-schema'

/** An access request as stored. */
export type StoredRequest = {
  id: string
  region: string
  cluster: string
  request: CreateAccessRequestInput
  requestedBy: string
  requestedAt: Date
  expiresAt: Date
  status: 'pending' | 'approved' | 'denied'
  decidedBy: string | null
  decidedAt: Date | null
  comment: string | null
}
type ClusterTarget = { region: string; cluster: string }

/** Where access requests live: the same database as the grants (SQLite file or PostgreSQL). */
export interface AccessRequestStore {
  add(request: Omit<StoredRequest, 'status' | 'decidedBy' | 'decidedAt' | 'comment'>): Promise<void>
  get(id: string): Promise<StoredRequest | null>
  /**
   * The requests `filter` selects at `now` (all clusters, or one): pending ones oldest first (the queue), the others
   * newest first; at most `limit`.
   */
  list(filter: AccessRequestFilter, now: Date, cluster?: ClusterTarget, limit?: number): Promise<StoredRequest[]>
  /**
   * Decides a pending request that has not expired at `now`: true when this call decided it (a second approver, or
   * one racing it, gets false, so a request is granted at most once).
   */
  decide(id: string, status: 'approved' | 'denied', by: string, comment: string, now: Date): Promise<boolean>
  /** Puts an approval whose grant failed back to pending (only the approval `by` made), so it can be tried again. */
  reopen(id: string, by: string): Promise<void>
}

/**
 * The requests table (the migrations create it; `time` is the dialect's time type). `decided_at` came with the
 * second migration, which adds it to a table the first version created.
 */
export const requestsTable = (time: string) => `CREATE TABLE IF NOT EXISTS time_bound_requests (
  id TEXT PRIMARY KEY,
  cluster_region TEXT NOT NULL,
  cluster_name TEXT NOT NULL,
  request_json TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at ${time} NOT NULL,
  expires_at ${time} NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied')),
  decided_by TEXT,
  comment TEXT
)`

type Row = {
  id: string
  cluster_region: string
  cluster_name: string
  request_json: string
  requested_by: string
  requested_at: number | string | Date
  expires_at: number | string | Date
  status: string
  decided_by: string | null
  decided_at: number | string | Date | null
  comment: string | null
}
const toDate = (value: number | string | Date) => (value instanceof Date ? value : new Date(Number(value)))
const fromRow = (row: Row): StoredRequest => ({
  id: row.id,
  region: row.cluster_region,
  cluster: row.cluster_name,
  request: createAccessRequestSchema.parse(JSON.parse(row.request_json)),
  requestedBy: row.requested_by,
  requestedAt: toDate(row.requested_at),
  expiresAt: toDate(row.expires_at),
  status: row.status as StoredRequest['status'],
  decidedBy: row.decided_by,
  decidedAt: row.decided_at === null ? null : toDate(row.decided_at),
  comment: row.comment,
})

const COLUMNS = `id, cluster_region, cluster_name, request_json, requested_by, requested_at, expires_at, status,
  decided_by, decided_at, comment`

/** The WHERE and ORDER BY of a filter; `p(n)` writes the dialect's n-th parameter (`now` is 1, the cluster 2 and 3). */
function listSql(filter: AccessRequestFilter, cluster: boolean, p: (n: number) => string): string {
  const where = {
    pending: `status = 'pending' AND expires_at > ${p(1)}`,
    expired: `status = 'pending' AND expires_at <= ${p(1)}`,
    decided: `status <> 'pending' AND ${p(1)} IS NOT NULL`,
    all: `${p(1)} IS NOT NULL`,
  }[filter]
  const order = filter === 'pending' ? 'requested_at' : filter === 'decided' ? 'decided_at DESC' : 'requested_at DESC'
  const scope = cluster ? ` AND cluster_region = ${p(2)} AND cluster_name = ${p(3)}` : ''
  return `SELECT ${COLUMNS} FROM time_bound_requests WHERE ${where}${scope} ORDER BY ${order}, id`
}

const DECIDE = (p: (n: number) => string) =>
  `UPDATE time_bound_requests SET status = ${p(1)}, decided_by = ${p(2)}, comment = ${p(3)}, decided_at = ${p(5)}
   WHERE id = ${p(4)} AND status = 'pending' AND expires_at > ${p(5)}`
const REOPEN = (p: (n: number) => string) =>
  `UPDATE time_bound_requests SET status = 'pending', decided_by = NULL, comment = NULL, decided_at = NULL
   WHERE id = ${p(1)} AND status = 'approved' AND decided_by = ${p(2)}`

/** The requests table in the grants' SQLite file (times in epoch ms; the store's migrations made the table). */
export function openSqliteAccessRequestStore(db: Database.Database): AccessRequestStore {
  // Named parameters: a statement may use one value twice (the decision's time).
  const q = (n: number) => `@p${n}`
  const named = (...values: unknown[]) => Object.fromEntries(values.map((v, i) => [`p${i + 1}`, v]))
  return {
    async add(r) {
      db.prepare(
        `INSERT INTO time_bound_requests (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', NULL, NULL, NULL)`,
      ).run(
        r.id,
        r.region,
        r.cluster,
        JSON.stringify(r.request),
        r.requestedBy,
        r.requestedAt.getTime(),
        r.expiresAt.getTime(),
      )
    },
    async get(id) {
      const row = db.prepare(`SELECT ${COLUMNS} FROM time_bound_requests WHERE id = ?`).get(id) as Row | undefined
      return row ? fromRow(row) : null
    },
    async list(filter, now, target, limit = 200) {
      const params = target ? named(now.getTime(), target.region, target.cluster) : named(now.getTime())
      const rows = db.prepare(`${listSql(filter, Boolean(target), q)} LIMIT ${Number(limit)}`).all(params) as Row[]
      return rows.map(fromRow)
    },
    async decide(id, status, by, comment, now) {
      return db.prepare(DECIDE(q)).run(named(status, by, comment, id, now.getTime())).changes === 1
    },
    async reopen(id, by) {
      db.prepare(REOPEN(q)).run(named(id, by))
    },
  }
}

/** The requests table in the grants' PostgreSQL database; `query` waits for the store's migrations first. */
export function openPostgresAccessRequestStore(
  query: <R extends object>(sql: string, params: unknown[]) => Promise<{ rows: R[]; rowCount: number | null }>,
): AccessRequestStore {
  const p = (n: number) => `$${n}`
  return {
    async add(r) {
      await query(
        `INSERT INTO time_bound_requests (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', NULL, NULL, NULL)`,
        [r.id, r.region, r.cluster, JSON.stringify(r.request), r.requestedBy, r.requestedAt, r.expiresAt],
      )
    },
    async get(id) {
      const { rows } = await query<Row>(`SELECT ${COLUMNS} FROM time_bound_requests WHERE id = $1`, [id])
      return rows[0] ? fromRow(rows[0]) : null
    },
    async list(filter, now, target, limit = 200) {
      const params = target ? [now, target.region, target.cluster] : [now]
      // PostgreSQL must know the parameter's type even where the filter only tests it for NULL.
      const sql = listSql(filter, Boolean(target), (n) => (n === 1 ? '$1::timestamptz' : p(n)))
      const { rows } = await query<Row>(`${sql} LIMIT ${Number(limit)}`, params)
      return rows.map(fromRow)
    },
    async decide(id, status, by, comment, now) {
      const { rowCount } = await query(DECIDE(p).replaceAll('$5', '$5::timestamptz'), [status, by, comment, id, now])
      return rowCount === 1
    },
    async reopen(id, by) {
      await query(REOPEN(p), [id, by])
    },
  }
}
