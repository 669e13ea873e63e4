'use client'

import { useQuery } from '@tanstack/react-query'

import { IntentPrefetchLink } from '@/components/ui/intent-prefetch-link'
import { accessRequestsQuery } from '@/lib/queries/access-request-queries'

/**
 * The top bar's Requests link with the count of pending requests the signed-in person may decide (re-read every
 * 30 s); no count when there is nothing for them, or while it loads.
 */
export function PendingRequestsLink({ className }: { className: string }) {
  const { data } = useQuery(accessRequestsQuery('pending'))
  const count = data?.requests.filter((r) => r.yourRight.allowed).length ?? 0
  return (
    <IntentPrefetchLink href="/requests" className={className}>
      Requests
      {count > 0 ? (
        <span className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-500 px-1.5 text-xs font-semibold text-zinc-950">
          <span aria-hidden="true">{count}</span>
          <span className="sr-only"> ({count} waiting for your decision)</span>
        </span>
      ) : null}
    </IntentPrefetchLink>
  )
}
