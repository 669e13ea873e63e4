'use client'

import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef } from 'react'

import type { ResourceListData, ResourceListQuery } from '@/lib/queries/resource-queries'

// Polling the pages on screen every 15 s keeps statuses fresh without refetching the thousands of rows loaded.
// (An infinite query's own refetchInterval would refetch every loaded page, up to 200 of them for 100,000 Pods.)
const REFRESH_MS = 15_000

/**
 * Runs a paged resource list: flattens the loaded pages, collects the in-place 403 notices, loads the next page on
 * demand (but not past a page that stopped at the server's scan bound: that needs "keep searching"), and refreshes
 * just the pages whose rows are on screen, through the list query's own `fetchPage`.
 */
export function useResourceList<Row>({ options, fetchPage }: ResourceListQuery<Row>) {
  const query = useInfiniteQuery(options)
  const pages = query.data?.pages
  const rows = useMemo(() => pages?.flatMap((p) => p.rows) ?? [], [pages])
  const forbidden = useMemo(() => pages?.flatMap((p) => p.forbidden) ?? [], [pages])
  const last = pages?.at(-1)
  const stoppedAtBudget = Boolean(last?.budgetExhausted && last.cursor)
  const scanned = useMemo(() => pages?.reduce((sum, p) => sum + p.scanned, 0) ?? 0, [pages])
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage])

  const queryClient = useQueryClient()
  const visible = useRef<[number, number]>([0, 0])
  const onVisibleRangeChange = useCallback((first: number, lastRow: number) => {
    visible.current = [first, lastRow]
  }, [])
  const { queryKey } = options
  useEffect(() => {
    const aborter = new AbortController()
    const refreshPagesInView = async () => {
      if (document.hidden) return
      const data = queryClient.getQueryData<ResourceListData<Row>>(queryKey)
      if (!data) return
      let start = 0
      for (const [i, page] of data.pages.entries()) {
        const end = start + page.rows.length
        const onScreen = end > visible.current[0] && start <= visible.current[1]
        start = end
        if (!onScreen) continue
        try {
          const fresh = await fetchPage(data.pageParams[i] ?? null, aborter.signal)
          queryClient.setQueryData<ResourceListData<Row>>(queryKey, (current) =>
            current && current.pages[i]
              ? { ...current, pages: current.pages.map((p, j) => (j === i ? { ...fresh, cursor: p.cursor } : p)) }
              : current,
          )
        } catch {
          // A failed (or, on unmount, aborted) background refresh keeps the rows shown; the next tick tries again.
        }
      }
    }
    const timer = setInterval(() => void refreshPagesInView(), REFRESH_MS)
    return () => {
      clearInterval(timer)
      aborter.abort()
    }
  }, [queryClient, queryKey, fetchPage])

  return {
    query,
    rows,
    forbidden,
    remaining: last?.remaining ?? null,
    complete: Boolean(pages && !last?.cursor),
    stoppedAtBudget,
    scanned,
    hasMore: Boolean(hasNextPage) && !stoppedAtBudget,
    loadingMore: isFetchingNextPage,
    loadMore,
    onVisibleRangeChange,
  }
}
