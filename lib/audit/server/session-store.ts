import 'server-only'

/**
 * Session state every console replica must share, kept in the audit store's database (its own tables, created with
 * `IF NOT EXISTS` next to the audit log's versioned migrations, so neither depends on the other's version number).
 */
export interface SessionStore {
  /**
   * Marks a session (its `sid` claim) signed out until `until`, when every token of it has expired anyway and the
   * row is pruned. Revoking twice keeps the later end.
   */
  revokeSession(sessionId: string, until: Date): Promise<void>
  /** Whether the session was signed out (a direct lookup by primary key: every request asks). */
  isSessionRevoked(sessionId: string): Promise<boolean>
  /** Counts one failed sign-in against each subject (`user:<name>`, `address:<ip>`); prunes day-old failures. */
  recordSignInFailure(subjects: string[], at: Date): Promise<void>
  /** The subject's failures at or after `since`, newest first, at most `limit` of them. */
  recentSignInFailures(subject: string, since: Date, limit: number): Promise<Date[]>
}

/** Failures older than this are deleted: far beyond any sign-in limit's window. */
export const SIGN_IN_FAILURE_RETENTION_MS = 24 * 60 * 60 * 1000

/** The session tables' statements, the same words in both dialects apart from the time type. */
export function sessionTablesDdl(timeType: 'INTEGER' | 'TIMESTAMPTZ'): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS revoked_sessions (
      session_id TEXT PRIMARY KEY,
      expires_at ${timeType} NOT NULL
    )`,
    'CREATE INDEX IF NOT EXISTS revoked_sessions_expiry ON revoked_sessions (expires_at)',
    `CREATE TABLE IF NOT EXISTS sign_in_failures (
      subject TEXT NOT NULL,
      failed_at ${timeType} NOT NULL
    )`,
    'CREATE INDEX IF NOT EXISTS sign_in_failures_subject ON sign_in_failures (subject, failed_at DESC)',
    'CREATE INDEX IF NOT EXISTS sign_in_failures_age ON sign_in_failures (failed_at)',
  ]
}
