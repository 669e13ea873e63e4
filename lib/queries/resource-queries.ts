import { infiniteQueryOptions, keepPreviousData, queryOptions, type InfiniteData } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { internRowStrings } from '@/lib/resources/intern-strings'
import {
  type eventListSchema,
  type namespaceDetailSchema,
  type NamespaceRow,
  type nodeDetailSchema,
  type NodeRow,
  type podCountsSchema,
  type podDetailSchema,
  type PodRow,
  type ResourceListPage,
} from '@/lib/resources/resource-dto'
import { buildFilterQuery } from '@/lib/resources/resource-filter-query'
import type { NamespaceFilters, NodeFilters, PodFilters } from '@/lib/resources/resource-filters'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'

/** The three browsable kinds (their list route segment). */
export type ResourceKind = 'pods' | 'nodes' | 'namespaces'

/** Query keys of a cluster's Kubernetes resources. */
export const resourceKeys = {
  all: (c: ClusterRef) => [...clusterKeys.all(c), 'resources'] as const,
  list: (c: ClusterRef, kind: ResourceKind, filters: object) =>
    [...resourceKeys.all(c), kind, 'list', filters] as const,
  detail: (c: ClusterRef, kind: ResourceKind, id: string) => [...resourceKeys.all(c), kind, 'detail', id] as const,
  events: (c: ClusterRef, kind: string, id: string) => [...resourceKeys.all(c), 'events', kind, id] as const,
  counts: (c: ClusterRef, by: 'namespaces' | 'nodes', names: string[]) =>
    [...resourceKeys.all(c), 'pod-counts', by, names] as const,
}

// The first page is small so rows show fast; later pages are larger so scrolling 100,000 Pods is ~200 requests.
export const FIRST_PAGE = 100
export const NEXT_PAGE = 500

/** The URL of one list page: the filters, the cursor of the previous page and a page size. */
export function resourceListUrl(c: ClusterRef, kind: ResourceKind, filters: object, cursor: string | null): string {
  const query = buildFilterQuery({
    ...(filters as Record<string, string | string[] | undefined>),
    cursor: cursor ?? undefined,
    limit: String(cursor ? NEXT_PAGE : FIRST_PAGE),
  })
  return `${apiPath(c, kind)}${query}`
}

/**
 * A paged resource list: the infinite query's options, and `fetchPage` to fetch any one page again (the list
 * refreshes just the pages on screen, through the same URL, schema and compaction as the query).
 */
export type ResourceListQuery<Row> = {
  options: ReturnType<typeof listInfiniteOptions<ResourceListPage<Row>>>
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<ResourceListPage<Row>>
}

/** The loaded pages of a resource list, as the infinite query holds them. */
export type ResourceListData<Row> = InfiniteData<ResourceListPage<Row>, string | null>

function listInfiniteOptions<T extends { cursor: string | null }>(
  queryKey: ReturnType<typeof resourceKeys.list>,
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<T>,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: T) => last.cursor,
    // Changing a filter keeps the old rows on screen until the new first page arrives (no flash of emptiness).
    placeholderData: keepPreviousData,
    // Pages are immutable snapshots; deep-comparing every loaded row on each new page would cost O(rows) per page.
    structuralSharing: false,
  })
}

function listQuery<Row>(
  c: ClusterRef,
  kind: ResourceKind,
  filters: object,
  compact: (page: ResourceListPage<Row>) => ResourceListPage<Row> = (page) => page,
): ResourceListQuery<Row> {
  const fetchPage = async (cursor: string | null, signal: AbortSignal) =>
    compact(await fetchJson<ResourceListPage<Row>>(resourceListUrl(c, kind, filters, cursor), { signal }))
  return { options: listInfiniteOptions(resourceKeys.list(c, kind, filters), fetchPage), fetchPage }
}

/** GET …/pods?filters&cursor: Pod rows as pages loaded one after another while the person scrolls. */
export const podListQuery = (c: ClusterRef, filters: PodFilters) =>
  listQuery<PodRow>(c, 'pods', filters, (page) => {
    internRowStrings(page.rows, podSharedFields)
    return page
  })

const podSharedFields = ['namespace', 'status', 'phase', 'node', 'serviceAccount', 'createdAt'] as const

/** GET …/nodes?filters&cursor */
export const nodeListQuery = (c: ClusterRef, filters: NodeFilters) => listQuery<NodeRow>(c, 'nodes', filters)

/** GET …/namespaces?filters&cursor */
export const namespaceListQuery = (c: ClusterRef, filters: NamespaceFilters) =>
  listQuery<NamespaceRow>(c, 'namespaces', filters)

/** GET …/pods/counts?namespaces= or ?nodes=: Pod counts for the rows on screen. */
export const podCountsQuery = (c: ClusterRef, by: 'namespaces' | 'nodes', names: string[]) =>
  queryOptions({
    queryKey: resourceKeys.counts(c, by, names),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof podCountsSchema>>(
        `${apiPath(c, 'pods', 'counts')}?${by}=${names.map(encodeURIComponent).join(',')}`,
        { signal },
      ),
    enabled: names.length > 0,
    staleTime: 60_000,
  })

/** GET …/pods/:namespace/:name */
export const podDetailQuery = (c: ClusterRef, namespace: string, name: string) =>
  queryOptions({
    queryKey: resourceKeys.detail(c, 'pods', `${namespace}/${name}`),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof podDetailSchema>>(apiPath(c, 'pods', namespace, name), { signal }),
  })

/** GET …/nodes/:name */
export const nodeDetailQuery = (c: ClusterRef, name: string) =>
  queryOptions({
    queryKey: resourceKeys.detail(c, 'nodes', name),
    queryFn: ({ signal }) => fetchJson<z.infer<typeof nodeDetailSchema>>(apiPath(c, 'nodes', name), { signal }),
  })

/** GET …/namespaces/:name */
export const namespaceDetailQuery = (c: ClusterRef, name: string) =>
  queryOptions({
    queryKey: resourceKeys.detail(c, 'namespaces', name),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof namespaceDetailSchema>>(apiPath(c, 'namespaces', name), { signal }),
  })

/** GET …/events?kind&name&namespace: the events of one object. */
export const objectEventsQuery = (c: ClusterRef, target: { kind: string; name: string; namespace?: string }) =>
  queryOptions({
    queryKey: resourceKeys.events(c, target.kind, `${target.namespace ?? ''}/${target.name}`),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof eventListSchema>>(`${apiPath(c, 'events')}${buildFilterQuery(target)}`, { signal }),
  })
