import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import {
  type awsAuthApplyResultSchema,
  type awsAuthPreviewSchema,
  type awsAuthViewSchema,
} from '@/lib/aws-auth/aws-auth-dto'
import type { AwsAuthEditRequest } from '@/lib/aws-auth/aws-auth-schemas'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'
import { timeBoundKeys } from './time-bound-queries'

export const awsAuthKeys = {
  view: (c: ClusterRef) => [...clusterKeys.all(c), 'aws-auth'] as const,
  // Not under `view`: refreshing the view must not re-run a preview made against the version just replaced (409).
  preview: (c: ClusterRef, request: AwsAuthEditRequest) =>
    [...clusterKeys.all(c), 'aws-auth-preview', request] as const,
}

/** GET …/aws-auth */
export const awsAuthQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: awsAuthKeys.view(c),
    queryFn: ({ signal }) => fetchJson<z.infer<typeof awsAuthViewSchema>>(apiPath(c, 'aws-auth'), { signal }),
  })

const jsonBody = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

/**
 * POST …/aws-auth/preview: the diff, guard and CLI of a change (nothing is written). A query, keyed by the change and
 * the resourceVersion it is made against, so a newer ConfigMap version previews the change again on top of it.
 */
export const awsAuthPreviewQuery = (c: ClusterRef, request: AwsAuthEditRequest) =>
  queryOptions({
    queryKey: awsAuthKeys.preview(c, request),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof awsAuthPreviewSchema>>(apiPath(c, 'aws-auth', 'preview'), {
        ...jsonBody('POST', request),
        signal,
      }),
    staleTime: Infinity,
  })

/** PUT …/aws-auth (admins only); refreshes the page's view afterwards, also after a 409 so it shows what changed. */
export function useSaveAwsAuthChange(c: ClusterRef) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: AwsAuthEditRequest) =>
      fetchJson<z.infer<typeof awsAuthApplyResultSchema>>(apiPath(c, 'aws-auth'), jsonBody('PUT', request)),
    // A time-bound row appears in the grants list (its time left) too; only the view is awaited, so the dialog
    // closes as soon as the page shows the change (a longer wait lets the stale preview ask again).
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: timeBoundKeys.cluster(c) })
      return queryClient.invalidateQueries({ queryKey: awsAuthKeys.view(c) })
    },
  })
}
