import 'server-only'

import type { Session } from 'next-auth'
import { decode, encode, type JWT } from 'next-auth/jwt'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'

import type { ConsoleRole } from '@/lib/auth/console-role'

import { getAuthOptions, sessionCookieName, sessionCookieOptions, sessionUserFromToken } from './auth-options'
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_AFTER_SECONDS, sessionTokenProblem } from './session-lifetime'
import { isSessionRevoked } from './session-revocation'

// Decrypting a cookie derives a key and runs AES-GCM on every call; list pages poll, so the sessions of the last few
// hundred cookies are kept until their refresh is due. The key is the whole encrypted cookie, which only its holder has.
type RecentSession = { session: Session; sessionId: string; until: number }
const recentSessions = new Map<string, RecentSession>()
const RECENT_SESSIONS_MAX = 500

const secret = () => getAuthOptions().secret ?? ''

/**
 * Slides the idle limit on: re-issues the session cookie with a new `iat`/`exp` (the session id and sign-in time stay).
 * Only route handlers and server actions may set cookies; a page render cannot, and its token is left as it is (the
 * API calls the page makes right after re-issue it).
 */
async function reissue(token: JWT): Promise<void> {
  const value = await encode({ token, secret: secret(), maxAge: SESSION_IDLE_SECONDS })
  try {
    const expires = new Date(Date.now() + SESSION_IDLE_SECONDS * 1000)
    ;(await cookies()).set(sessionCookieName(), value, { ...sessionCookieOptions(), expires })
  } catch {
    // A Server Component render: cookies are read-only there.
  }
}

function remember(cookie: string, entry: RecentSession): void {
  if (recentSessions.size >= RECENT_SESSIONS_MAX) recentSessions.delete(recentSessions.keys().next().value ?? '')
  recentSessions.set(cookie, entry)
}

/**
 * The signed-in person's session, or null. Every request decides here, with the same rules as next-auth's own session
 * endpoint: the token decrypts with the console's secret, is younger than the idle limit, its session younger than
 * the absolute limit (see session-lifetime.ts) and not signed out (session-revocation.ts). A token older than a few minutes is re-issued (sliding expiry).
 */
export async function getConsoleSession(): Promise<Session | null> {
  // Console tokens are a few hundred bytes, never chunked by next-auth (that starts at 4 KB): one cookie or none.
  const cookie = (await cookies()).get(sessionCookieName())?.value
  if (!cookie) return null
  const now = Date.now() / 1000
  const recent = recentSessions.get(cookie)
  if (recent && now < recent.until) return (await isSessionRevoked(recent.sessionId)) ? null : recent.session
  recentSessions.delete(cookie)
  const token = await decode({ token: cookie, secret: secret() }).catch(() => null)
  if (!token || sessionTokenProblem(token, now)) return null
  const sessionId = token.sid as string
  if (await isSessionRevoked(sessionId)) return null
  const session = { user: sessionUserFromToken(token), expires: new Date((token.exp as number) * 1000).toISOString() }
  const refreshDue = (token.iat as number) + SESSION_REFRESH_AFTER_SECONDS
  if (now >= refreshDue) await reissue(token)
  else remember(cookie, { session, sessionId, until: Math.min(token.exp as number, refreshDue) })
  return session
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
