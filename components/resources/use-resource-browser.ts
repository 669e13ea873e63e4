'use client'

import { useMemo } from 'react'
import type { z } from 'zod'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { ResourceListQuery } from '@/lib/queries/resource-queries'
import { hasActiveFilters } from '@/lib/resources/resource-filters'

import { useResourceList } from './use-resource-list'
import { useUrlState } from './use-url-state'

type FiltersSchema = z.ZodType<Record<string, unknown>>

/**
 * The state of one resource browser: filters and sort read from (and written to) the URL, and the paged list they
 * select. `setFilter('q')` returns the setter of one filter, for the filter bar's fields.
 */
export function useResourceBrowser<S extends FiltersSchema, Row>({
  cluster,
  filtersSchema,
  listQuery,
}: {
  cluster: ClusterRef
  filtersSchema: S
  listQuery: (cluster: ClusterRef, filters: z.infer<S>) => ResourceListQuery<Row>
}) {
  const { filters, sorting, setFilters, setSorting } = useUrlState(filtersSchema)
  const list = useResourceList(useMemo(() => listQuery(cluster, filters), [listQuery, cluster, filters]))
  const setFilter =
    <K extends keyof z.infer<S>>(key: K) =>
    (value: z.infer<S>[K]) =>
      setFilters({ ...filters, [key]: value })
  const filtered = hasActiveFilters(filters as Record<string, string | string[] | undefined>)
  return { filters, sorting, setSorting, setFilter, filtered, list }
}
