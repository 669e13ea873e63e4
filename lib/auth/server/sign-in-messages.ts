import 'server-only'

import { describeTooManySignIns } from '@/lib/queries/too-many-sign-ins'

/**
 * Turns a `callbackUrl` into an app-relative path: next-auth hands back absolute URLs of our own origin, and anything
 * else (another host, `//evil.example`) would make the sign-in page an open redirect.
 */
export function safeCallbackPath(callbackUrl: string | undefined, ownOrigin?: string): string {
  if (!callbackUrl) return '/clusters'
  if (callbackUrl.startsWith('/') && !callbackUrl.startsWith('//') && !callbackUrl.startsWith('/\\')) return callbackUrl
  try {
    const url = new URL(callbackUrl)
    if (ownOrigin && url.origin === new URL(ownOrigin).origin) return `${url.pathname}${url.search}`
  } catch {
    // Not a URL at all: fall back to the inventory.
  }
  return '/clusters'
}

// next-auth's `?error=` codes (pages.error points at /signin) plus the console's own NoConsoleRole.
const messages: Record<string, string> = {
  NoConsoleRole:
    'You signed in, but none of your identity-provider groups grants a console role. Ask a console administrator ' +
    'to add you to a group listed in CONSOLE_ADMIN_GROUPS, CONSOLE_EDITOR_GROUPS or CONSOLE_VIEWER_GROUPS.',
  CredentialsSignin: 'Wrong username or password.',
  SessionRequired: 'Please sign in to continue.',
  AccessDenied: 'Sign-in was refused.',
  Configuration: "The console's sign-in is misconfigured. Ask an administrator to check the server log.",
}

/** The sentence the sign-in page shows for an `?error=` code, or null when there is none. */
export function describeSignInError(code: string | undefined): string | null {
  if (!code) return null
  return (
    messages[code] ??
    describeTooManySignIns(code) ??
    'Sign-in with the identity provider failed. Try again, or ask an administrator to check the OIDC settings.'
  )
}
