import 'server-only'

import type Database from 'better-sqlite3'

import { revokedSessionsDdl, type SessionStore } from './session-store'

/** The session tables of an open SQLite audit database (created when missing); times are epoch milliseconds. */
export function openSqliteSessionStore(db: Database.Database): SessionStore {
  db.transaction(() => {
    for (const statement of revokedSessionsDdl('INTEGER')) db.exec(statement)
  }).immediate()
  const revoke = db.prepare(
    `INSERT INTO revoked_sessions (session_id, expires_at) VALUES (?, ?)
     ON CONFLICT (session_id) DO UPDATE SET expires_at = max(expires_at, excluded.expires_at)`,
  )
  const prune = db.prepare('DELETE FROM revoked_sessions WHERE expires_at < ?')
  const lookup = db.prepare('SELECT 1 AS revoked FROM revoked_sessions WHERE session_id = ?')

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
  }
}
