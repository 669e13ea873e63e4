import 'server-only'

import { getServerSession, type Session } from 'next-auth'
import { decode } from 'next-auth/jwt'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'

import type { ConsoleRole } from '@/lib/roles/console-role'

import { getAuthOptions, SESSION_REFRESH_AFTER_SECONDS, sessionCookieName, sessionUserFromToken } from './auth-options'

// Decrypting a cookie derives a key and runs AES-GCM on every call; list pages poll, so the sessions of the last few
// hundred cookies are kept until their refresh is due. The key is the whole encrypted cookie, which only its holder has.
const recentSessions = new Map<string, { session: Session; until: number }>()
const RECENT_SESSIONS_MAX = 500

/**
 * The session of a cookie issued less than {@link SESSION_REFRESH_AFTER_SECONDS} ago, decrypted without re-issuing
 * it; undefined for anything else (no cookie, chunked, older, invalid), which takes next-auth's full path.
 */
async function readFreshSession(): Promise<Session | undefined> {
  const cookie = (await cookies()).get(sessionCookieName())?.value
  if (!cookie) return undefined
  const now = Date.now() / 1000
  const recent = recentSessions.get(cookie)
  if (recent && now < recent.until) return recent.session
  recentSessions.delete(cookie)
  const token = await decode({ token: cookie, secret: getAuthOptions().secret ?? '' }).catch(() => null)
  if (!token || typeof token.iat !== 'number' || typeof token.exp !== 'number') return undefined
  const until = Math.min(token.exp, token.iat + SESSION_REFRESH_AFTER_SECONDS)
  if (now >= until) return undefined
  const session = { user: sessionUserFromToken(token), expires: new Date(token.exp * 1000).toISOString() }
  if (recentSessions.size >= RECENT_SESSIONS_MAX) recentSessions.delete(recentSessions.keys().next().value ?? '')
  recentSessions.set(cookie, { session, until })
  return session
}

/** The signed-in person's session, or null. A session older than a few minutes is re-issued (sliding expiry). */
export async function getConsoleSession(): Promise<Session | null> {
  return (await readFreshSession()) ?? getServerSession(getAuthOptions())
}

/**
 * The session of a page's viewer; without one, redirects to /signin and back to `callbackUrl` afterwards.
 * Only an app-relative path is passed on, so the sign-in page can never bounce someone to another site.
 */
export async function requireSession(callbackUrl = '/clusters'): Promise<Session> {
  const session = await getConsoleSession()
  if (!session) {
    const safe = callbackUrl.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/clusters'
    redirect(`/signin?callbackUrl=${encodeURIComponent(safe)}`)
  }
  return session
}

/** The console role of a session (viewer < editor < admin). */
export function sessionRole(session: Session): ConsoleRole {
  return session.user.role
}
