import 'server-only'

import type { AuditResult, RecordingFailures } from '@/lib/audit/audit-dto'
import type { ConsoleRole } from '@/lib/auth/console-role'

import type { AuditEvent } from './record-audit-event'
import type { SessionStore } from './session-store'

/** An event as stored: the recorded {@link AuditEvent} plus its id and time. */
export type StoredAuditEvent = AuditEvent & { id: string; occurredAt: Date }

/** Filters of {@link AuditStore.query}; every one is optional and they combine with AND. */
export type AuditStoreQuery = {
  cluster?: { region: string; name: string }
  /** Case-insensitive substring of the actor's name. */
  actor?: string
  action?: string
  result?: AuditResult
  /** Inclusive lower bound of the event time. */
  since?: Date
  /** Inclusive upper bound of the event time. */
  until?: Date
  /** Continue after this position (from a previous page's `nextCursor`). */
  cursor?: AuditCursor
  limit: number
}

/** A position in the newest-first order: events strictly older than (occurredAt, id) come next. */
export type AuditCursor = { occurredAtMs: number; id: string }

/** One page of events, newest first. */
export type AuditStorePage = { events: StoredAuditEvent[]; nextCursor: AuditCursor | null }

/** The clusters and actions present in the log (for filter choices). */
export type AuditStoreFacets = { clusters: { region: string; name: string }[]; actions: string[] }

/** The audit log's storage: SQLite (default) or PostgreSQL (DATABASE_URL). */
export interface AuditStore {
  readonly kind: 'sqlite' | 'postgres'
  /** Appends one event; `occurredAt` defaults to now. */
  append(event: AuditEvent, occurredAt?: Date): Promise<StoredAuditEvent>
  /** Events matching the filters, newest first, `limit` at a time. */
  query(query: AuditStoreQuery): Promise<AuditStorePage>
  facets(): Promise<AuditStoreFacets>
  /** Signed-out sessions (and sign-in failures), shared by every replica using the same database. */
  readonly sessions: SessionStore
  /** Adds events that could not be recorded to the stored counter (it survives restarts). */
  addRecordingFailures(failures: RecordingFailures): Promise<void>
  /** The stored counter; null when every event so far was recorded. */
  readRecordingFailures(): Promise<RecordingFailures | null>
  close(): Promise<void>
}

/** Encodes a cursor for a URL (opaque to the browser). */
export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify([cursor.occurredAtMs, cursor.id])).toString('base64url')
}

/** Decodes a cursor from {@link encodeAuditCursor}; null when it is not one. */
export function decodeAuditCursor(value: string): AuditCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
    if (!Array.isArray(parsed) || parsed.length !== 2) return null
    const [ms, id] = parsed as unknown[]
    if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || typeof id !== 'string' || !/^\d{1,19}$/.test(id)) {
      return null
    }
    return { occurredAtMs: ms, id }
  } catch {
    return null
  }
}

/** The columns both dialects store, in one shape (before/after as JSON text, NULL when not recorded). */
export type AuditRow = {
  id: string | number | bigint
  occurred_at: number | Date
  actor_name: string
  actor_role: string
  action: string
  cluster_region: string | null
  cluster_name: string | null
  target: string
  result: string
  message: string | null
  before_json: string | null
  after_json: string | null
}

// A runaway before/after (a whole ConfigMap, say) must not bloat every page of the log.
const MAX_JSON_CHARS = 64 * 1024

/** JSON text of a before/after value; `undefined` (not recorded) stays NULL, `null` (did not exist) is 'null'. */
export function toJsonColumn(value: unknown): string | null {
  if (value === undefined) return null
  const text = JSON.stringify(value) ?? null
  if (text !== null && text.length > MAX_JSON_CHARS) {
    return JSON.stringify({ truncated: true, characters: text.length, preview: text.slice(0, 2000) })
  }
  return text
}

/** Maps a stored row back to an event. */
export function fromAuditRow(row: AuditRow): StoredAuditEvent {
  const occurredAt = row.occurred_at instanceof Date ? row.occurred_at : new Date(Number(row.occurred_at))
  return {
    id: String(row.id),
    occurredAt,
    actor: { name: row.actor_name, role: row.actor_role as ConsoleRole },
    action: row.action,
    ...(row.cluster_region && row.cluster_name
      ? { cluster: { region: row.cluster_region, name: row.cluster_name } }
      : {}),
    target: row.target,
    result: row.result as AuditResult,
    ...(row.message !== null ? { message: row.message } : {}),
    ...(row.before_json !== null ? { before: JSON.parse(row.before_json) as unknown } : {}),
    ...(row.after_json !== null ? { after: JSON.parse(row.after_json) as unknown } : {}),
  }
}

/** Trims a `limit + 1` read to one page and its cursor. */
export function toAuditPage(rows: AuditRow[], limit: number): AuditStorePage {
  const events = rows.slice(0, limit).map(fromAuditRow)
  const last = events.at(-1)
  return {
    events,
    nextCursor: rows.length > limit && last ? { occurredAtMs: last.occurredAt.getTime(), id: last.id } : null,
  }
}
