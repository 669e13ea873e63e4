import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import { type ClusterRef, type consoleIdentitySchema } from '@/lib/clusters/cluster-schemas'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'

/** Query keys of the console's identity on a cluster. */
export const consoleIdentityKeys = {
  one: (c: ClusterRef) => [...clusterKeys.all(c), 'console-identity'] as const,
}

/** The console's AWS principal and the Kubernetes user and groups it maps to on `c`. */
export const consoleIdentityQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: consoleIdentityKeys.one(c),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof consoleIdentitySchema>>(apiPath(c, 'console-identity'), { signal }),
    // Access entries take seconds to apply and rarely change; a minute keeps navigation cheap.
    staleTime: 60_000,
  })
