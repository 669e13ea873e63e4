import type { ConsoleRole } from './console-role'

// The console's session carries the console role; next-auth's own types know only name, email and image.
declare module 'next-auth' {
  interface Session {
    user: { name: string; email: string | null; role: ConsoleRole }
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: ConsoleRole
    /** The session's id, kept across re-issues (next-auth's own `jti` changes each time), so sign-out can revoke it. */
    sid?: string
    /** When the person signed in (epoch seconds), for the absolute session limit. */
    authTime?: number
  }
}
