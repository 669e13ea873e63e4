import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { TimeBoundGrantDto, timeBoundGrantListSchema } from '@/lib/time-bound/time-bound-dto'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'

/** Query keys of time-bound grants: per cluster, and the console-wide stuck list. */
export const timeBoundKeys = {
  cluster: (c: ClusterRef) => [...clusterKeys.all(c), 'time-bound-grants'] as const,
  stuck: () => ['time-bound-grants', 'stuck'] as const,
}

/** GET …/time-bound-grants: active grants and the cluster's bounds; re-read every 30 s so revoked ones disappear. */
export const timeBoundGrantsQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: timeBoundKeys.cluster(c),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof timeBoundGrantListSchema>>(apiPath(c, 'time-bound-grants'), { signal }),
    refetchInterval: 30_000,
  })

/** GET /api/time-bound-grants/stuck: revocations that keep failing (the banner), every minute. */
export const stuckGrantsQuery = () =>
  queryOptions({
    queryKey: timeBoundKeys.stuck(),
    queryFn: ({ signal }) => fetchJson<{ grants: TimeBoundGrantDto[] }>('/api/time-bound-grants/stuck', { signal }),
    refetchInterval: 60_000,
  })
