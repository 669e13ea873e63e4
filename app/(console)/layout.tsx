import { headers } from 'next/headers'
import type { ReactNode } from 'react'

import { SiteHeader } from '@/components/layout/site-header'
import { BreakGlassBanner } from '@/components/time-bound/break-glass-banner'
import { StuckRevocationsBanner } from '@/components/time-bound/stuck-revocations-banner'
import { requireSession } from '@/lib/auth/server/session'

// Every page in this group needs a signed-in person; the path (set by proxy.ts) brings them back after sign-in.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const path = (await headers()).get('x-console-path') ?? '/clusters'
  const session = await requireSession(path)
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <SiteHeader user={{ name: session.user.name, role: session.user.role }} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        <BreakGlassBanner />
        <StuckRevocationsBanner />
        {children}
      </main>
    </>
  )
}
