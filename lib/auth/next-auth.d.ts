import type { ConsoleRole } from '@/lib/roles/console-role'

// The console's session carries the console role; next-auth's own types know only name, email and image.
declare module 'next-auth' {
  interface Session {
    user: { name: string; email: string | null; role: ConsoleRole }
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: ConsoleRole
  }
}
