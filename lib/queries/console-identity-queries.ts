import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'

/**
 * GET /api/clusters/:region/:cluster/console-identity — who the console is on AWS (STS GetCallerIdentity) and on the
 * cluster (SelfSubjectReview). A cluster that refuses the console is an answer (`kubernetes.ok: false`), not an error.
 */
const consoleIdentitySchema = z.object({
  aws: z.object({ arn: z.string(), account: z.string(), userId: z.string() }),
  kubernetes: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      username: z.string(),
      uid: z.string().nullable(),
      groups: z.array(z.string()),
    }),
    z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
  ]),
})
export type ConsoleIdentity = z.infer<typeof consoleIdentitySchema>

/** Query keys of the console's identity on a cluster. */
export const consoleIdentityKeys = {
  one: (c: ClusterRef) => [...clusterKeys.all(c), 'console-identity'] as const,
}

/** The console's AWS principal and the Kubernetes user and groups it maps to on `c`. */
export const consoleIdentityQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: consoleIdentityKeys.one(c),
    queryFn: ({ signal }) => fetchJson(apiPath(c, 'console-identity'), { signal }, consoleIdentitySchema),
    // Access entries take seconds to apply and rarely change; a minute keeps navigation cheap.
    staleTime: 60_000,
  })
