import type { Metadata } from 'next'

import { ContinueAfterSignIn } from '@/components/auth/continue-after-sign-in'
import { safeCallbackPath } from '@/lib/auth/server/sign-in-messages'
import { env } from '@/lib/env'

export const metadata: Metadata = { title: 'Signing in' }

type Search = Promise<{ to?: string }>

// Where OIDC sign-in lands (see sessionCookieOptions): it reads no session, it only hands over to a same-site navigation.
export default async function ContinueSignInPage({ searchParams }: { searchParams: Search }) {
  const { to } = await searchParams
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <ContinueAfterSignIn target={safeCallbackPath(to, env.nextAuthUrl)} />
    </main>
  )
}
