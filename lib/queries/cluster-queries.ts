import { queryOptions } from '@tanstack/react-query'

import { fetchJson } from '@/lib/api/fetch-json'
import {
  clusterInventorySchema,
  clusterOverviewSchema,
  whoamiSchema,
  type ClusterRef,
} from '@/lib/clusters/cluster-schemas'

import { apiPath } from './api-paths'

/** Query keys of cluster data; every per-cluster key starts with ['cluster', region, name]. */
export const clusterKeys = {
  inventory: () => ['clusters'] as const,
  all: (c: ClusterRef) => ['cluster', c.region, c.name] as const,
  overview: (c: ClusterRef) => [...clusterKeys.all(c), 'overview'] as const,
}

/** GET /api/clusters: every cluster across CONSOLE_REGIONS, with per-region errors. */
export const clusterInventoryQuery = () =>
  queryOptions({
    queryKey: clusterKeys.inventory(),
    queryFn: ({ signal }) => fetchJson('/api/clusters', { signal }, clusterInventorySchema),
  })

/** GET /api/clusters/:region/:cluster: the overview of one cluster. */
export const clusterOverviewQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: clusterKeys.overview(c),
    queryFn: ({ signal }) => fetchJson(apiPath(c), { signal }, clusterOverviewSchema),
  })

/** GET /api/session/whoami: the signed-in console user and role. */
export const whoamiQuery = () =>
  queryOptions({
    queryKey: ['session', 'whoami'] as const,
    queryFn: ({ signal }) => fetchJson('/api/session/whoami', { signal }, whoamiSchema),
    staleTime: 5 * 60_000,
  })
