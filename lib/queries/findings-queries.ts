import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { findingsReportSchema } from '@/lib/findings/findings-dto'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'

/** The filters a findings page sends (empty strings mean "all"). */
export type FindingsFilters = { severity: string; rule: string; cluster: string }

const search = (filters: Partial<Record<keyof FindingsFilters, string | undefined>>, fresh = false) => {
  const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])))
  if (fresh) params.set('fresh', '1')
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Query keys of findings: across all clusters, or scoped to one cluster's key. */
export const findingsKeys = {
  all: () => ['findings'] as const,
  report: (filters: FindingsFilters) => [...findingsKeys.all(), filters] as const,
  cluster: (c: ClusterRef) => [...clusterKeys.all(c), 'findings'] as const,
  clusterReport: (c: ClusterRef, filters: FindingsFilters) => [...findingsKeys.cluster(c), filters] as const,
}

/** GET /api/findings (cluster undefined) or GET …/findings (one cluster), filtered. */
export const findingsQuery = (cluster: ClusterRef | undefined, filters: FindingsFilters) =>
  queryOptions({
    queryKey: cluster ? findingsKeys.clusterReport(cluster, filters) : findingsKeys.report(filters),
    queryFn: ({ signal }) => fetchFindings(cluster, filters, { signal }),
    // The server keeps the evaluation for a minute; the page's Refresh asks for a new one.
    staleTime: 60_000,
  })

/** Fetches a findings report; `fresh` makes the server evaluate again instead of answering from its cache. */
export function fetchFindings(
  cluster: ClusterRef | undefined,
  filters: Partial<FindingsFilters>,
  options: { signal?: AbortSignal; fresh?: boolean } = {},
): Promise<z.infer<typeof findingsReportSchema>> {
  const path = cluster ? apiPath(cluster, 'findings') : '/api/findings'
  // One cluster's route has no cluster filter: it is the path.
  const scoped = cluster ? { ...filters, cluster: undefined } : filters
  return fetchJson<z.infer<typeof findingsReportSchema>>(`${path}${search(scoped, options.fresh)}`, {
    signal: options.signal,
  })
}
