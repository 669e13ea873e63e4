'use client'

import type { ColumnDef, SortingState } from '@tanstack/react-table'
import { Search } from 'lucide-react'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { ApiError } from '@/lib/api/api-error'

import { ForbiddenNotices, ListSummary } from './list-notices'
import type { useResourceList } from './use-resource-list'
import { VirtualTable } from './virtual-table'

/**
 * The body of a resource list: skeleton, error (a Kubernetes 403 said in place), in-place notices for namespaces the
 * console may not list, the summary line, the virtualized table, and "keep searching" when a server-side filter
 * stopped at its scan bound.
 */
export function ResourceListView<Row>({
  noun,
  list,
  columns,
  getRowId,
  sorting,
  onSortingChange,
  filtered,
}: {
  noun: string
  list: ReturnType<typeof useResourceList<Row>>
  columns: ColumnDef<Row>[]
  getRowId: (row: Row) => string
  sorting: SortingState
  onSortingChange: (next: SortingState) => void
  filtered: boolean
}) {
  const { query } = list
  if (query.isPending) {
    return (
      <div aria-busy="true" aria-label={`Loading ${noun}`} className="space-y-2">
        <Skeleton className="h-5 w-64" />
        <Skeleton className="h-96 w-full" />
      </div>
    )
  }
  if (query.error && !query.data) {
    const apiError = query.error instanceof ApiError ? query.error : null
    if (apiError?.code === 'kubernetes_forbidden') {
      return (
        <Alert variant="warning" title={`The console's role cannot ${apiError.detail.verb ?? 'list'} ${noun} here`}>
          {apiError.message}
        </Alert>
      )
    }
    return <QueryError error={query.error} what={noun} onRetry={() => void query.refetch()} />
  }
  return (
    <div className="space-y-3">
      <ForbiddenNotices notices={list.forbidden} />
      <ListSummary
        noun={noun}
        loaded={list.rows.length}
        remaining={list.remaining}
        complete={list.complete}
        filtered={filtered}
        sorted={sorting.length > 0}
      />
      {query.isFetchNextPageError ? (
        <QueryError error={query.error as Error} what={`more ${noun}`} onRetry={list.loadMore} />
      ) : null}
      {list.rows.length === 0 && list.complete ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {filtered ? `No ${noun} match these filters.` : `No ${noun}.`}
        </p>
      ) : (
        <VirtualTable
          caption={noun.charAt(0).toUpperCase() + noun.slice(1)}
          columns={columns}
          rows={list.rows}
          getRowId={getRowId}
          sorting={sorting}
          onSortingChange={onSortingChange}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
          onVisibleRangeChange={list.onVisibleRangeChange}
        />
      )}
      {list.stoppedAtBudget ? (
        <div className="flex flex-wrap items-center gap-3 text-sm text-zinc-600 dark:text-zinc-400">
          <span>
            Searched {list.scanned.toLocaleString('en-US')} {noun} so far; Kubernetes cannot filter this on its own, so
            the console looks through the list in steps.
          </span>
          <Button onClick={list.loadMore} disabled={list.loadingMore}>
            <Search aria-hidden="true" className="size-4" /> {list.loadingMore ? 'Searching…' : 'Keep searching'}
          </Button>
        </div>
      ) : null}
    </div>
  )
}
