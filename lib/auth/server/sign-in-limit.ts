import 'server-only'

import { getAuditStore } from '@/lib/audit/server/audit-store-instance'
import { tooManySignInsCode } from '@/lib/queries/too-many-sign-ins'

/** The window failed sign-ins are counted in. */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60
/** Failures per user name in the window: enough for typos, too few to guess a password. */
export const MAX_FAILURES_PER_USER = 5
/** Failures per client address in the window: one address trying many user names (a shared NAT gets some slack). */
export const MAX_FAILURES_PER_ADDRESS = 20

/** Who is signing in: the user name typed and the client's address (null when the request does not say). */
export type SignInAttempt = { username: string; address: string | null }

const subjects = ({ username, address }: SignInAttempt) => [
  { key: `user:${username.trim().toLowerCase()}`, max: MAX_FAILURES_PER_USER },
  ...(address ? [{ key: `address:${address}`, max: MAX_FAILURES_PER_ADDRESS }] : []),
]

/**
 * The client address of a sign-in request: the LAST `X-Forwarded-For` entry, the one the nearest proxy appended (a
 * client can prepend any value, not append after its proxy). Next.js fills the header with the socket address when no
 * proxy sent it; a client talking to the console directly can forge it, which the per-user limit still covers.
 */
export function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for']
  const value = Array.isArray(forwarded) ? forwarded.join(',') : typeof forwarded === 'string' ? forwarded : ''
  const last = value.split(',').at(-1)?.trim() ?? ''
  return last === '' ? null : last.slice(0, 100)
}

/**
 * Seconds until this attempt may be tried again, or 0 when it may be tried now. Counted in the audit store's
 * database, so every replica shares the count and a restart does not reset it.
 */
export async function signInRetryAfter(attempt: SignInAttempt, now = new Date()): Promise<number> {
  const store = await getAuditStore()
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_SECONDS * 1000)
  let retryAt = 0
  for (const { key, max } of subjects(attempt)) {
    const failures = await store.sessions.recentSignInFailures(key, since, max)
    // With `max` failures in the window, the attempt waits until the oldest of them leaves it.
    const oldest = failures.length >= max ? failures.at(-1) : undefined
    if (oldest) retryAt = Math.max(retryAt, oldest.getTime() + SIGN_IN_WINDOW_SECONDS * 1000)
  }
  return Math.max(0, Math.ceil((retryAt - now.getTime()) / 1000))
}

/** Counts a failed sign-in against its user name and its address. */
export async function noteSignInFailure(attempt: SignInAttempt, now = new Date()): Promise<void> {
  const store = await getAuditStore()
  await store.sessions.recordSignInFailure(
    subjects(attempt).map((s) => s.key),
    now,
  )
}

/**
 * Wraps a credentials provider's check with the sign-in limit: a limited attempt is refused before the password is
 * even compared (the error names the wait, for the sign-in page), and every refusal counts as a failure.
 */
export async function limitSignIn<U>(attempt: SignInAttempt, verify: () => U | null | Promise<U | null>) {
  const retryAfter = await signInRetryAfter(attempt)
  if (retryAfter > 0) throw new Error(tooManySignInsCode(retryAfter))
  const user = await verify()
  if (!user) await noteSignInFailure(attempt)
  return user
}
