'use client'

import type { SortingState } from '@tanstack/react-table'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useMemo } from 'react'

import { buildFilterQuery } from '@/lib/resources/resource-filter-query'

/** `sort=restarts:desc` ⇄ TanStack sorting state. */
function parseSort(raw: string | null): SortingState {
  if (!raw) return []
  const [id, dir] = raw.split(':')
  return id ? [{ id, desc: dir === 'desc' }] : []
}

/**
 * The list view's state lives in the URL (filters and sort), so every view is a deep link and reload, back and
 * forward restore it. The page parses the filters on the server with the same zod schema the route handler uses
 * (`filtersFromSearchParams`) and passes them in: a new URL renders the page again with the new filters.
 */
export function useUrlState<F extends Record<string, unknown>>(filters: F) {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const raw = params.toString()
  const sorting = useMemo(() => parseSort(new URLSearchParams(raw).get('sort')), [raw])

  const navigate = useCallback(
    (nextFilters: F, nextSorting: SortingState) => {
      const sort = nextSorting[0]
      const query = buildFilterQuery({
        ...(nextFilters as Record<string, string | string[] | undefined>),
        sort: sort ? `${sort.id}:${sort.desc ? 'desc' : 'asc'}` : undefined,
      })
      router.push(`${pathname}${query}`, { scroll: false })
    },
    [pathname, router],
  )
  const setFilters = useCallback((next: F) => navigate(next, sorting), [navigate, sorting])
  const setSorting = useCallback((next: SortingState) => navigate(filters, next), [navigate, filters])
  return { filters, sorting, setFilters, setSorting }
}
