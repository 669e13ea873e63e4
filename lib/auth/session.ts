import 'server-only'

import { getServerSession, type Session } from 'next-auth'
import { redirect } from 'next/navigation'

import type { ConsoleRole } from '@/lib/roles/console-role'

import { getAuthOptions } from './auth-options'

/** The signed-in person's session, or null. */
export async function getConsoleSession(): Promise<Session | null> {
  return getServerSession(getAuthOptions())
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
