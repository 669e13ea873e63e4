import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import {
  type clusterInventorySchema,
  type clusterOverviewSchema,
  type ClusterRef,
  type whoamiSchema,
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
    queryFn: ({ signal }) => fetchJson<z.infer<typeof clusterInventorySchema>>('/api/clusters', { signal }),
  })

/** GET /api/clusters/:region/:cluster: the overview of one cluster. */
export const clusterOverviewQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: clusterKeys.overview(c),
    queryFn: ({ signal }) => fetchJson<z.infer<typeof clusterOverviewSchema>>(apiPath(c), { signal }),
  })

/** GET /api/session/whoami: the signed-in console user and role. */
export const whoamiQuery = () =>
  queryOptions({
    queryKey: ['session', 'whoami'] as const,
    queryFn: ({ signal }) => fetchJson<z.infer<typeof whoamiSchema>>('/api/session/whoami', { signal }),
    staleTime: 5 * 60_000,
  })
