import 'server-only'

import Database from 'better-sqlite3'
import type { Pool } from 'pg'

import { createAccessRequestSchema, type CreateAccessRequestInput } from '@/lib/time-bound/access-request-schema'

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
  comment: string | null
}

/** Where access requests live: the same database as the grants (SQLite file or PostgreSQL). */
export interface AccessRequestStore {
  add(request: Omit<StoredRequest, 'status' | 'decidedBy' | 'comment'>): Promise<void>
  get(id: string): Promise<StoredRequest | null>
  /** Pending requests (all clusters, or one), oldest first. */
  listPending(cluster?: { region: string; cluster: string }): Promise<StoredRequest[]>
  /**
   * Decides a pending request that has not expired at `now`: true when this call decided it (a second approver, or
   * one racing it, gets false, so a request is granted at most once).
   */
  decide(id: string, status: 'approved' | 'denied', by: string, comment: string, now: Date): Promise<boolean>
}

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
  comment: row.comment,
})

const table = (time: string) => `CREATE TABLE IF NOT EXISTS time_bound_requests (
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
const COLUMNS =
  'id, cluster_region, cluster_name, request_json, requested_by, requested_at, expires_at, status, decided_by, comment'

/** The requests table in the grants' SQLite file (times in epoch ms). */
export function openSqliteAccessRequestStore(db: Database.Database): AccessRequestStore {
  db.exec(table('INTEGER'))
  return {
    async add(r) {
      db.prepare(
        `INSERT INTO time_bound_requests (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', NULL, NULL)`,
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
    async listPending(target) {
      const rows = (
        target
          ? db
              .prepare(
                `SELECT ${COLUMNS} FROM time_bound_requests WHERE status = 'pending' AND cluster_region = ?
                 AND cluster_name = ? ORDER BY requested_at`,
              )
              .all(target.region, target.cluster)
          : db
              .prepare(`SELECT ${COLUMNS} FROM time_bound_requests WHERE status = 'pending' ORDER BY requested_at`)
              .all()
      ) as Row[]
      return rows.map(fromRow)
    },
    async decide(id, status, by, comment, now) {
      const info = db
        .prepare(
          `UPDATE time_bound_requests SET status = ?, decided_by = ?, comment = ?
           WHERE id = ? AND status = 'pending' AND expires_at > ?`,
        )
        .run(status, by, comment, id, now.getTime())
      return info.changes === 1
    },
  }
}

/** The requests table in the grants' PostgreSQL database (created on first use). */
export function openPostgresAccessRequestStore(pool: Pool): AccessRequestStore {
  let ready: Promise<unknown> | null = null
  const query = async <R extends object>(sql: string, params: unknown[]) => {
    ready ??= pool.query(table('TIMESTAMPTZ')).catch((error: unknown) => {
      ready = null
      throw error
    })
    await ready
    return pool.query<R>(sql, params)
  }
  return {
    async add(r) {
      await query(
        `INSERT INTO time_bound_requests (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', NULL, NULL)`,
        [r.id, r.region, r.cluster, JSON.stringify(r.request), r.requestedBy, r.requestedAt, r.expiresAt],
      )
    },
    async get(id) {
      const { rows } = await query<Row>(`SELECT ${COLUMNS} FROM time_bound_requests WHERE id = $1`, [id])
      return rows[0] ? fromRow(rows[0]) : null
    },
    async listPending(target) {
      const { rows } = target
        ? await query<Row>(
            `SELECT ${COLUMNS} FROM time_bound_requests WHERE status = 'pending' AND cluster_region = $1
             AND cluster_name = $2 ORDER BY requested_at`,
            [target.region, target.cluster],
          )
        : await query<Row>(
            `SELECT ${COLUMNS} FROM time_bound_requests WHERE status = 'pending' ORDER BY requested_at`,
            [],
          )
      return rows.map(fromRow)
    },
    async decide(id, status, by, comment, now) {
      const { rowCount } = await query(
        `UPDATE time_bound_requests SET status = $1, decided_by = $2, comment = $3
         WHERE id = $4 AND status = 'pending' AND expires_at > $5`,
        [status, by, comment, id, now],
      )
      return rowCount === 1
    },
  }
}
