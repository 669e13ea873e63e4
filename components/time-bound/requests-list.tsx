'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'

import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { cn } from '@/lib/cn'
import { accessRequestsQuery } from '@/lib/queries/access-request-queries'
import { clusterPagePath } from '@/lib/queries/api-paths'
import type { AccessRequestFilter } from '@/lib/time-bound/access-request-schema'
import {
  describeRequestedAccess,
  describeRequestedDuration,
  principalName,
  requestState,
} from '@/lib/time-bound/describe-request'

import { RequestActions } from './request-actions'
import { RequestStateBadge } from './request-state-badge'

const tabs: { filter: AccessRequestFilter; label: string; empty: string }[] = [
  { filter: 'pending', label: 'Pending', empty: 'Nothing waits for a decision.' },
  { filter: 'decided', label: 'Decided', empty: 'No request has been approved or denied yet.' },
  { filter: 'expired', label: 'Expired', empty: 'No request expired undecided.' },
  { filter: 'all', label: 'All', empty: 'Nobody has requested access yet.' },
]
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** The state tabs (links, so each state has its URL). */
function FilterTabs({ filter, basePath }: { filter: AccessRequestFilter; basePath: string }) {
  return (
    <nav aria-label="Request states" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {tabs.map((tab) => (
        <Link
          key={tab.filter}
          href={`${basePath}?status=${tab.filter}`}
          aria-current={tab.filter === filter ? 'page' : undefined}
          className={cn(
            '-mb-px border-b-2 px-3 py-2 text-sm',
            tab.filter === filter
              ? 'border-sky-600 font-medium text-zinc-900 dark:border-sky-400 dark:text-zinc-100'
              : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  )
}

/**
 * Access requests of one cluster or of all, by state: who asked what for whom and why, and Approve/Deny for those
 * the signed-in person may decide (disabled, with the reason, for the others). Pending ones refresh every 30 s.
 */
export function RequestsList({
  filter,
  cluster,
  basePath,
}: {
  filter: AccessRequestFilter
  cluster?: ClusterRef
  basePath: string
}) {
  const query = useQuery(accessRequestsQuery(filter, cluster))
  const tab = tabs.find((t) => t.filter === filter) ?? tabs[0]!
  let body
  if (query.isPending) body = <Skeleton aria-label="Loading requests" className="h-40 w-full" />
  else if (query.error)
    body = <QueryError error={query.error} what="access requests" onRetry={() => void query.refetch()} />
  else if (query.data.requests.length === 0) {
    body = (
      <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        {tab.empty}
      </p>
    )
  } else {
    body = (
      <Table caption={`${tab.label} access requests`}>
        <thead>
          <tr>
            <Th>Request</Th>
            {cluster ? null : <Th>Cluster</Th>}
            <Th>Access asked</Th>
            <Th>Reason</Th>
            <Th>State</Th>
            <Th>
              <span className="sr-only">Decision</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {query.data.requests.map((r) => {
            const ref = { region: r.region, name: r.cluster }
            return (
              <Tr key={r.id}>
                <Td>
                  <Link
                    href={clusterPagePath(ref, `requests/${r.id}`)}
                    className="font-medium text-sky-700 hover:underline dark:text-sky-400"
                  >
                    {principalName(r.request.principalArn)}
                  </Link>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    by {r.requestedBy}, {when(r.requestedAt)}
                  </p>
                </Td>
                {cluster ? null : (
                  <Td>
                    <Link href={clusterPagePath(ref, 'requests')} className="hover:underline">
                      {r.cluster}
                    </Link>
                    <p className="text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">{r.region}</p>
                  </Td>
                )}
                <Td>
                  {describeRequestedAccess(r)}
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    {describeRequestedDuration(r.request.duration)}
                  </p>
                </Td>
                <Td className="max-w-xs text-sm break-words">{r.request.reason}</Td>
                <Td>
                  <RequestStateBadge state={requestState(r)} />
                  <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                    {r.decidedBy && r.decidedAt
                      ? `by ${r.decidedBy}, ${when(r.decidedAt)}`
                      : r.expired
                        ? `since ${when(r.expiresAt)}`
                        : `expires ${when(r.expiresAt)}`}
                  </p>
                  {r.comment ? <p className="mt-1 max-w-xs text-xs break-words">“{r.comment}”</p> : null}
                </Td>
                <Td>
                  <RequestActions request={r} />
                </Td>
              </Tr>
            )
          })}
        </tbody>
      </Table>
    )
  }
  return (
    <div className="space-y-4">
      <FilterTabs filter={filter} basePath={basePath} />
      {body}
    </div>
  )
}
