import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import { type auditFacetsSchema, type AuditFilters, type auditPageSchema } from '@/lib/audit/audit-dto'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { clusterKeys } from './cluster-queries'

/**
 * Query keys of the audit log. A cluster's history starts with the cluster like every per-cluster key (so invalidating
 * a cluster refreshes it too); the all-clusters log has its own root.
 */
export const auditKeys = {
  all: () => ['audit'] as const,
  events: (filters: AuditFilters) => [...auditKeys.all(), 'events', filters] as const,
  facets: () => [...auditKeys.all(), 'facets'] as const,
  cluster: (c: ClusterRef) => [...clusterKeys.all(c), 'audit'] as const,
  clusterEvents: (c: ClusterRef, filters: Omit<AuditFilters, 'cluster'>) =>
    [...auditKeys.cluster(c), 'events', filters] as const,
}

const periodMs: Record<string, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
}
const utcDay = /^\d{4}-\d{2}-\d{2}$/

/**
 * The API's filters for the page's: a period becomes `since` (from `now`), a date range the start of its first and
 * the end of its last UTC day; a date that is not YYYY-MM-DD is left out rather than sent.
 */
export function toAuditApiFilters(filters: Partial<AuditFilters>, now = Date.now()): Record<string, string> {
  const { period, from, to, ...rest } = filters
  const api: Record<string, string> = {}
  for (const [key, value] of Object.entries(rest)) if (value) api[key] = value
  const span = period ? periodMs[period] : undefined
  if (span) api.since = new Date(now - span).toISOString()
  if (period === 'dates') {
    if (from && utcDay.test(from)) api.since = `${from}T00:00:00.000Z`
    if (to && utcDay.test(to)) api.until = `${to}T23:59:59.999Z`
  }
  return api
}

/** The query string of GET /api/audit for the filters (empty ones left out) and a cursor. */
export function auditSearch(filters: Partial<AuditFilters>, cursor?: string | null): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(toAuditApiFilters(filters))) params.set(key, value)
  if (cursor) params.set('cursor', cursor)
  const text = params.toString()
  return text ? `?${text}` : ''
}

const pages = (queryKey: readonly unknown[], filters: Partial<AuditFilters>) =>
  infiniteQueryOptions({
    queryKey,
    queryFn: ({ signal, pageParam }) =>
      fetchJson<z.infer<typeof auditPageSchema>>(`/api/audit${auditSearch(filters, pageParam)}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A change made a moment ago on another page must show when the person opens the log.
    staleTime: 0,
  })

/** GET /api/audit across clusters, newest first, older pages on demand ("Load older"). */
export const auditEventsQuery = (filters: AuditFilters) => pages(auditKeys.events(filters), filters)

/** GET /api/audit?cluster=region/name: one cluster's history. */
export const clusterAuditEventsQuery = (c: ClusterRef, filters: Omit<AuditFilters, 'cluster'>) =>
  pages(auditKeys.clusterEvents(c, filters), { ...filters, cluster: `${c.region}/${c.name}` })

/** GET /api/audit/facets: the clusters and actions present, for the filter selects. */
export const auditFacetsQuery = () =>
  queryOptions({
    queryKey: auditKeys.facets(),
    queryFn: ({ signal }) => fetchJson<z.infer<typeof auditFacetsSchema>>('/api/audit/facets', { signal }),
    staleTime: 0,
  })
