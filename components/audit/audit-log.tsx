'use client'

import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { History } from 'lucide-react'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import type { RecordingFailures } from '@/lib/audit/audit-dto'
import { emptyAuditFilters } from '@/lib/audit/audit-filters'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { auditEventsQuery, auditFacetsQuery, clusterAuditEventsQuery } from '@/lib/queries/audit-queries'

import { AuditFiltersBar } from './audit-filters-bar'
import { formatAuditTime } from './audit-labels'
import { AuditTable } from './audit-table'
import { useAuditFilters } from './use-audit-filters'

function RecordingFailuresAlert({ failures }: { failures: RecordingFailures }) {
  const changes = failures.count === 1 ? '1 change was' : `${failures.count} changes were`
  return (
    <Alert variant="warning" title={`${changes} not recorded in the audit log`}>
      The changes themselves went through; only their audit events are missing. The console&apos;s server log has each
      one (the last at {formatAuditTime(failures.lastAt)} UTC, reference {failures.reference}). Check the audit
      store&apos;s disk or database. The count is kept in the audit store, so it survives restarts.
    </Alert>
  )
}

/**
 * The audit log: every change made through the console, newest first, filtered by the URL. With `cluster`, one
 * cluster's history (the cluster filter is the page itself).
 */
export function AuditLog({ cluster }: { cluster?: ClusterRef }) {
  const [filters, updateFilters] = useAuditFilters()
  const { cluster: _ignored, ...clusterFilters } = filters
  const events = useInfiniteQuery(
    cluster ? clusterAuditEventsQuery(cluster, clusterFilters) : auditEventsQuery(filters),
  )
  const facets = useQuery(auditFacetsQuery())
  const filtered = Object.entries(cluster ? clusterFilters : filters).some(([, value]) => value !== '')
  const rows = events.data?.pages.flatMap((page) => page.events) ?? []
  const failures = events.data?.pages[0]?.recordingFailures ?? null

  return (
    <div className="space-y-4">
      {failures ? <RecordingFailuresAlert failures={failures} /> : null}
      <AuditFiltersBar filters={filters} onChange={updateFilters} facets={facets.data} showCluster={!cluster} />
      {events.isPending ? (
        <div aria-busy="true" aria-label="Loading the audit log">
          <Skeleton className="h-64 w-full" />
        </div>
      ) : events.error && rows.length === 0 ? (
        <QueryError error={events.error} what="the audit log" onRetry={() => void events.refetch()} />
      ) : rows.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-zinc-300 p-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          <History aria-hidden="true" className="size-6 text-zinc-400" />
          {filtered ? (
            <>
              <p>No changes match these filters.</p>
              <Button onClick={() => updateFilters(emptyAuditFilters)}>Clear filters</Button>
            </>
          ) : (
            <>
              <p className="font-medium text-zinc-800 dark:text-zinc-200">No changes made through the console yet</p>
              <p>Grants, edits and removals of access appear here with who made them and what changed.</p>
            </>
          )}
        </div>
      ) : (
        <div className="space-y-3">
          <AuditTable events={rows} showCluster={!cluster} />
          {events.error ? (
            <QueryError error={events.error} what="older events" onRetry={() => void events.fetchNextPage()} />
          ) : null}
          <div className="flex items-center justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-400">
            <span>
              {rows.length} {rows.length === 1 ? 'event' : 'events'}
              {events.hasNextPage ? ' shown' : filtered ? ', all that match' : ', back to the beginning of the log'}
            </span>
            {events.hasNextPage ? (
              <Button onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                {events.isFetchingNextPage ? 'Loading older…' : 'Load older'}
              </Button>
            ) : null}
          </div>
        </div>
      )}
    </div>
  )
}
