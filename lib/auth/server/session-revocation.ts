import 'server-only'

import type { JWT } from 'next-auth/jwt'

import { getAuditStore } from '@/lib/audit/server/audit-store-instance'

import { sessionEndsAt } from './session-lifetime'

/**
 * Records a sign-out: the token's session (its `sid`, kept across re-issues) is refused from now on by every replica
 * sharing the audit store, until the absolute limit has passed and no token of it could be accepted anyway.
 */
export async function revokeSessionToken(token: JWT | null | undefined): Promise<void> {
  if (typeof token?.sid !== 'string' || typeof token.authTime !== 'number') return
  const store = await getAuditStore()
  await store.sessions.revokeSession(token.sid, new Date(sessionEndsAt(token.authTime) * 1000))
}

/**
 * Whether a session was signed out. Asked on every request, straight from the store (an indexed lookup; no cache,
 * so a sign-out holds at once on every replica). A store that cannot answer throws: the request fails, closed.
 */
export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  return (await getAuditStore()).sessions.isSessionRevoked(sessionId)
}
