import { ShieldCheck } from 'lucide-react'

import { PendingRequestsLink } from '@/components/time-bound/pending-requests-link'
import { Badge } from '@/components/ui/badge'
import { IntentPrefetchLink } from '@/components/ui/intent-prefetch-link'
import type { ConsoleRole } from '@/lib/auth/console-role'

import { SignOutButton } from './sign-out-button'
import { ThemeToggle } from './theme-toggle'

const roleTone = { admin: 'violet', editor: 'blue', viewer: 'neutral' } as const
const navLink =
  'inline-flex items-center rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100'

/** The top bar: product name, the signed-in person with their console role, theme and sign-out. */
export function SiteHeader({ user }: { user: { name: string; role: ConsoleRole } }) {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4 sm:px-6">
        <IntentPrefetchLink href="/clusters" className="flex items-center gap-2 font-semibold tracking-tight">
          <ShieldCheck aria-hidden="true" className="size-5 text-sky-600 dark:text-sky-400" />
          EKS Access Console
        </IntentPrefetchLink>
        <div className="flex items-center gap-3">
          <nav aria-label="Console" className="flex items-center gap-1">
            <IntentPrefetchLink href="/findings" className={navLink}>
              Findings
            </IntentPrefetchLink>
            <PendingRequestsLink className={navLink} />
            <IntentPrefetchLink href="/audit" className={navLink}>
              Audit log
            </IntentPrefetchLink>
          </nav>
          <p className="hidden items-center gap-2 text-sm sm:flex">
            <span className="sr-only">Signed in as</span>
            <span className="font-medium">{user.name}</span>
            <Badge tone={roleTone[user.role]}>
              <span className="sr-only">console role: </span>
              {user.role}
            </Badge>
          </p>
          <ThemeToggle />
          <SignOutButton />
        </div>
      </div>
    </header>
  )
}
