'use client'

import { useCallback } from 'react'
import type { z } from 'zod'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { resourceListUrl, type ResourceKind } from '@/lib/queries/resource-queries'
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
  kind,
  filtersSchema,
  listQuery,
  pageSchema,
}: {
  cluster: ClusterRef
  kind: ResourceKind
  filtersSchema: S
  listQuery: (cluster: ClusterRef, filters: z.infer<S>) => Parameters<typeof useResourceList>[0]
  pageSchema: z.ZodType<{ rows: Row[] }>
}) {
  const { filters, sorting, setFilters, setSorting } = useUrlState(filtersSchema)
  const pageUrl = useCallback(
    (cursor: string | null) => resourceListUrl(cluster, kind, filters, cursor),
    [cluster, kind, filters],
  )
  const list = useResourceList<Row>(listQuery(cluster, filters), pageUrl, pageSchema)
  const setFilter =
    <K extends keyof z.infer<S>>(key: K) =>
    (value: z.infer<S>[K]) =>
      setFilters({ ...filters, [key]: value })
  const filtered = hasActiveFilters(filters as Record<string, string | string[] | undefined>)
  return { filters, sorting, setSorting, setFilter, filtered, list }
}
