import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import {
  type forbiddenExplanationSchema,
  type principalAnalysisSchema,
  type whoCanAnswerSchema,
} from '@/lib/effective-access/effective-access-dto'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'

type Query = Record<string, string | undefined>

const withQuery = (path: string, query: Query) => {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])))
  return `${path}?${params.toString()}`
}

/** Query keys of a cluster's effective-access questions; all start with the cluster. */
export const effectiveAccessKeys = {
  all: (c: ClusterRef) => [...clusterKeys.all(c), 'effective-access'] as const,
  principal: (c: ClusterRef, q: Query) => [...effectiveAccessKeys.all(c), 'principal', q] as const,
  whoCan: (c: ClusterRef, q: Query) => [...effectiveAccessKeys.all(c), 'who-can', q] as const,
  whyForbidden: (c: ClusterRef, q: Query) => [...effectiveAccessKeys.all(c), 'why-forbidden', q] as const,
}

/** GET …/effective-access/principal: what one IAM principal can do. */
export const principalAnalysisQuery = (c: ClusterRef, q: Query) =>
  queryOptions({
    queryKey: effectiveAccessKeys.principal(c, q),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof principalAnalysisSchema>>(withQuery(apiPath(c, 'effective-access', 'principal'), q), {
        signal,
      }),
  })

/** GET …/effective-access/who-can. */
export const whoCanQuery = (c: ClusterRef, q: Query) =>
  queryOptions({
    queryKey: effectiveAccessKeys.whoCan(c, q),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof whoCanAnswerSchema>>(withQuery(apiPath(c, 'effective-access', 'who-can'), q), {
        signal,
      }),
  })

/** GET …/effective-access/why-forbidden. */
export const whyForbiddenQuery = (c: ClusterRef, q: Query) =>
  queryOptions({
    queryKey: effectiveAccessKeys.whyForbidden(c, q),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof forbiddenExplanationSchema>>(
        withQuery(apiPath(c, 'effective-access', 'why-forbidden'), q),
        { signal },
      ),
  })
