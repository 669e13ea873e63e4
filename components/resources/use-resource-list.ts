'use client'

import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef } from 'react'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ForbiddenNotice } from '@/lib/resources/resource-dto'
import type { resourceListUrl } from '@/lib/queries/resource-queries'

type ListPage<Row> = {
  rows: Row[]
  cursor: string | null
  budgetExhausted: boolean
  remaining: number | null
  scanned: number
  forbidden: ForbiddenNotice[]
}

// Polling the pages on screen every 15 s keeps statuses fresh without refetching the thousands of rows loaded.
const REFRESH_MS = 15_000

// The infinite query options of one of the list queries in lib/queries/resource-queries.ts.
type ListOptions = { queryKey: readonly unknown[]; initialPageParam: string | null }

/**
 * Runs a paged resource list: flattens the loaded pages, collects the in-place 403 notices, loads the next page on
 * demand (but not past a page that stopped at the server's scan bound: that needs "keep searching"), and refreshes
 * just the pages whose rows are on screen.
 */
export function useResourceList<Row>(
  options: ListOptions,
  pageUrl: (cursor: string | null) => ReturnType<typeof resourceListUrl>,
  schema: Parameters<typeof fetchJson>[2],
) {
  const query = useInfiniteQuery(options as never) as unknown as ReturnType<
    typeof useInfiniteQuery<ListPage<Row>, Error, InfiniteData<ListPage<Row>, string | null>>
  >
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
    const timer = setInterval(async () => {
      if (document.hidden) return
      const data = queryClient.getQueryData<InfiniteData<ListPage<Row>, string | null>>(queryKey)
      if (!data) return
      let start = 0
      for (const [i, page] of data.pages.entries()) {
        const end = start + page.rows.length
        const onScreen = end > visible.current[0] && start <= visible.current[1]
        start = end
        if (!onScreen) continue
        try {
          const fresh = (await fetchJson(pageUrl(data.pageParams[i] ?? null), {}, schema)) as ListPage<Row>
          queryClient.setQueryData<InfiniteData<ListPage<Row>, string | null>>(queryKey, (current) =>
            current && current.pages[i]
              ? { ...current, pages: current.pages.map((p, j) => (j === i ? { ...fresh, cursor: p.cursor } : p)) }
              : current,
          )
        } catch {
          // A failed background refresh keeps the rows shown; the next tick tries again.
        }
      }
    }, REFRESH_MS)
    return () => clearInterval(timer)
  }, [queryClient, queryKey, pageUrl, schema])

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
