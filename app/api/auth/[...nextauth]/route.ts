import NextAuth from 'next-auth'

import { getAuthOptions } from '@/lib/auth/auth-options'

// Options are built on the first request, not at import: `next build` must not need the runtime environment.
async function handleAuth(req: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(getAuthOptions())(req, context)
}

export { handleAuth as GET, handleAuth as POST }
