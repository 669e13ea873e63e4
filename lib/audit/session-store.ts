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
}

/** The revocation table's statements, the same words in both dialects apart from the time type. */
export function revokedSessionsDdl(timeType: 'INTEGER' | 'TIMESTAMPTZ'): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS revoked_sessions (
      session_id TEXT PRIMARY KEY,
      expires_at ${timeType} NOT NULL
    )`,
    'CREATE INDEX IF NOT EXISTS revoked_sessions_expiry ON revoked_sessions (expires_at)',
  ]
}
