'use client'

import type { SortingState } from '@tanstack/react-table'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useMemo } from 'react'
import type { z } from 'zod'

import { buildFilterQuery, readSearchParams } from '@/lib/resources/resource-filters'

/** `sort=restarts:desc` ⇄ TanStack sorting state. */
function parseSort(raw: string | null): SortingState {
  if (!raw) return []
  const [id, dir] = raw.split(':')
  return id ? [{ id, desc: dir === 'desc' }] : []
}

/**
 * The list view's state lives in the URL (filters and sort), so every view is a deep link and reload, back and
 * forward restore it. Filters are parsed with the same zod schema the route handler uses; invalid values fall back
 * to their defaults instead of breaking the page.
 */
export function useUrlState<S extends z.ZodType<Record<string, unknown>>>(schema: S) {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const raw = params.toString()
  const filters = useMemo(() => {
    const parsed = schema.safeParse(readSearchParams(new URLSearchParams(raw)))
    return (parsed.success ? parsed.data : schema.parse({})) as z.infer<S>
  }, [raw, schema])
  const sorting = useMemo(() => parseSort(new URLSearchParams(raw).get('sort')), [raw])

  const navigate = useCallback(
    (nextFilters: z.infer<S>, nextSorting: SortingState) => {
      const sort = nextSorting[0]
      const query = buildFilterQuery({
        ...(nextFilters as Record<string, string | string[] | undefined>),
        sort: sort ? `${sort.id}:${sort.desc ? 'desc' : 'asc'}` : undefined,
      })
      router.push(`${pathname}${query}`, { scroll: false })
    },
    [pathname, router],
  )
  const setFilters = useCallback((next: z.infer<S>) => navigate(next, sorting), [navigate, sorting])
  const setSorting = useCallback((next: SortingState) => navigate(filters, next), [navigate, filters])
  return { filters, sorting, setFilters, setSorting }
}
