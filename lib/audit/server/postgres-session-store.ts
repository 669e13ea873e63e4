import 'server-only'

import type { Pool } from 'pg'

import { sessionTablesDdl, SIGN_IN_FAILURE_RETENTION_MS, type SessionStore } from './session-store'

// Not the audit log's migration lock: the two schemas are created independently. Any constant the replicas share.
const SESSION_TABLES_LOCK = 0x73657373

/** The session tables in the audit store's PostgreSQL database, created on first use under an advisory lock. */
export function openPostgresSessionStore(pool: Pool): SessionStore {
  let ready: Promise<void> | null = null
  const create = async () => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      // Two replicas running CREATE TABLE IF NOT EXISTS at once can still collide in the catalog; the lock orders them.
      await client.query('SELECT pg_advisory_xact_lock($1)', [SESSION_TABLES_LOCK])
      for (const statement of sessionTablesDdl('TIMESTAMPTZ')) await client.query(statement)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }
  const ensureTables = () => {
    ready ??= create().catch((error: unknown) => {
      ready = null
      throw error
    })
    return ready
  }

  return {
    async revokeSession(sessionId, until) {
      await ensureTables()
      await pool.query('DELETE FROM revoked_sessions WHERE expires_at < now()')
      await pool.query(
        `INSERT INTO revoked_sessions (session_id, expires_at) VALUES ($1, $2)
         ON CONFLICT (session_id) DO UPDATE SET expires_at = greatest(revoked_sessions.expires_at, excluded.expires_at)`,
        [sessionId, until],
      )
    },
    async isSessionRevoked(sessionId) {
      await ensureTables()
      const { rows } = await pool.query('SELECT 1 FROM revoked_sessions WHERE session_id = $1', [sessionId])
      return rows.length > 0
    },
    async recordSignInFailure(subjects, at) {
      await ensureTables()
      await pool.query('DELETE FROM sign_in_failures WHERE failed_at < $1', [
        new Date(at.getTime() - SIGN_IN_FAILURE_RETENTION_MS),
      ])
      await pool.query('INSERT INTO sign_in_failures (subject, failed_at) SELECT unnest($1::text[]), $2', [
        subjects,
        at,
      ])
    },
    async recentSignInFailures(subject, since, limit) {
      await ensureTables()
      const { rows } = await pool.query<{ failed_at: Date }>(
        'SELECT failed_at FROM sign_in_failures WHERE subject = $1 AND failed_at >= $2 ORDER BY failed_at DESC LIMIT $3',
        [subject, since, limit],
      )
      return rows.map((row) => row.failed_at)
    },
  }
}
