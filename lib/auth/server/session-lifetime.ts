import type { JWT } from 'next-auth/jwt'

/**
 * Idle limit: a session token not re-issued for eight hours (one working day) is refused. Every API call the console
 * makes re-issues a token older than {@link SESSION_REFRESH_AFTER_SECONDS}, so an open console slides it on.
 */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60

/**
 * Absolute limit: twelve hours after sign-in the session ends however active it was, so the identity provider (or the
 * sandbox password) is asked again at least once a day and a stolen cookie cannot be kept alive by polling.
 */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60

/**
 * How old a session token may be before a request re-issues it (sliding the idle limit on). API routes polled every
 * few seconds need not re-encrypt it each time, so they only decrypt a fresher one.
 */
export const SESSION_REFRESH_AFTER_SECONDS = 5 * 60

/** Why a decoded session token must be refused at `nowSeconds` (epoch seconds), or null when it is usable. */
export function sessionTokenProblem(token: JWT, nowSeconds: number): string | null {
  const { iat, exp, sid, authTime } = token
  // Tokens issued before sessions had an id and a sign-in time cannot be revoked: they sign in again once.
  if (typeof sid !== 'string' || sid === '' || typeof authTime !== 'number') return 'no session id'
  if (typeof iat !== 'number' || typeof exp !== 'number') return 'no issue or expiry time'
  // The token's own exp is checked by decode; these hold even for a token encrypted with a longer exp.
  if (nowSeconds >= exp || nowSeconds >= iat + SESSION_IDLE_SECONDS) return 'idle for too long'
  if (nowSeconds >= authTime + SESSION_ABSOLUTE_SECONDS) return 'signed in too long ago'
  if (iat > nowSeconds + 60 || authTime > nowSeconds + 60) return 'issued in the future'
  return null
}

/** The latest moment (epoch seconds) any token of a session signed in at `authTime` can be accepted. */
export function sessionEndsAt(authTime: number): number {
  return authTime + SESSION_ABSOLUTE_SECONDS
}
