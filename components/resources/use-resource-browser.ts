'use client'

import { useMemo } from 'react'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { ResourceListQuery } from '@/lib/queries/resource-queries'
import { hasActiveFilters } from '@/lib/resources/resource-filter-query'

import { useResourceList } from './use-resource-list'
import { useUrlState } from './use-url-state'

/**
 * The state of one resource browser: filters and sort read from (and written to) the URL, and the paged list they
 * select. `setFilter('q')` returns the setter of one filter, for the filter bar's fields.
 */
export function useResourceBrowser<F extends Record<string, unknown>, Row>({
  cluster,
  filters: pageFilters,
  listQuery,
}: {
  cluster: ClusterRef
  /** The filters in the URL, parsed on the server (the page's `filtersFromSearchParams`). */
  filters: F
  listQuery: (cluster: ClusterRef, filters: F) => ResourceListQuery<Row>
}) {
  const { filters, sorting, setFilters, setSorting } = useUrlState(pageFilters)
  const list = useResourceList(useMemo(() => listQuery(cluster, filters), [listQuery, cluster, filters]))
  const setFilter =
    <K extends keyof F>(key: K) =>
    (value: F[K]) =>
      setFilters({ ...filters, [key]: value })
  const filtered = hasActiveFilters(filters as Record<string, string | string[] | undefined>)
  return { filters, sorting, setSorting, setFilter, filtered, list }
}
