import 'server-only'

import type Database from 'better-sqlite3'

import { sessionTablesDdl, SIGN_IN_FAILURE_RETENTION_MS, type SessionStore } from './session-store'

/** The session tables of an open SQLite audit database (created when missing); times are epoch milliseconds. */
export function openSqliteSessionStore(db: Database.Database): SessionStore {
  db.transaction(() => {
    for (const statement of sessionTablesDdl('INTEGER')) db.exec(statement)
  }).immediate()
  const revoke = db.prepare(
    `INSERT INTO revoked_sessions (session_id, expires_at) VALUES (?, ?)
     ON CONFLICT (session_id) DO UPDATE SET expires_at = max(expires_at, excluded.expires_at)`,
  )
  const prune = db.prepare('DELETE FROM revoked_sessions WHERE expires_at < ?')
  const lookup = db.prepare('SELECT 1 AS revoked FROM revoked_sessions WHERE session_id = ?')
  const fail = db.prepare('INSERT INTO sign_in_failures (subject, failed_at) VALUES (?, ?)')
  const pruneFailures = db.prepare('DELETE FROM sign_in_failures WHERE failed_at < ?')
  const failures = db.prepare(
    'SELECT failed_at FROM sign_in_failures WHERE subject = ? AND failed_at >= ? ORDER BY failed_at DESC LIMIT ?',
  )

  return {
    async revokeSession(sessionId, until) {
      db.transaction(() => {
        prune.run(Date.now())
        revoke.run(sessionId, until.getTime())
      })()
    },
    async isSessionRevoked(sessionId) {
      return lookup.get(sessionId) !== undefined
    },
    async recordSignInFailure(subjects, at) {
      db.transaction(() => {
        pruneFailures.run(at.getTime() - SIGN_IN_FAILURE_RETENTION_MS)
        for (const subject of subjects) fail.run(subject, at.getTime())
      })()
    },
    async recentSignInFailures(subject, since, limit) {
      const rows = failures.all(subject, since.getTime(), limit) as { failed_at: number }[]
      return rows.map((row) => new Date(row.failed_at))
    },
  }
}
