import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type {
  AccessRequestDecisionRequest,
  AccessRequestFilter,
  accessRequestListSchema,
  accessRequestSchema,
  CreateAccessRequestInput,
} from '@/lib/time-bound/access-request-schema'
import type { timeBoundSettingsDtoSchema, TimeBoundSettingsInput } from '@/lib/time-bound/grant-duration'

import { accessEntryKeys } from './access-entry-queries'
import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'
import { timeBoundKeys } from './time-bound-queries'

/** Query keys of access requests: all of them start with `access-requests`, so one invalidation refreshes each list. */
export const accessRequestKeys = {
  all: () => ['access-requests'] as const,
  list: (filter: AccessRequestFilter, c?: ClusterRef) =>
    [...accessRequestKeys.all(), c ? `${c.region}/${c.name}` : '*', filter] as const,
  one: (c: ClusterRef, id: string) => [...accessRequestKeys.all(), `${c.region}/${c.name}`, 'id', id] as const,
  settings: (c: ClusterRef) => [...clusterKeys.all(c), 'time-bound-settings'] as const,
}

/** GET /api/access-requests or …/access-requests (one cluster), by state; pending ones refresh every 30 s. */
export const accessRequestsQuery = (filter: AccessRequestFilter, c?: ClusterRef) =>
  queryOptions({
    queryKey: accessRequestKeys.list(filter, c),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof accessRequestListSchema>>(
        `${c ? apiPath(c, 'access-requests') : '/api/access-requests'}?status=${filter}`,
        { signal },
      ),
    refetchInterval: filter === 'pending' ? 30_000 : false,
  })

/** GET …/access-requests/:id: one request (its deep link). */
export const accessRequestQuery = (c: ClusterRef, id: string) =>
  queryOptions({
    queryKey: accessRequestKeys.one(c, id),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof accessRequestSchema>>(apiPath(c, 'access-requests', id), { signal }),
  })

/** GET …/time-bound-settings: the cluster's maximum and whether editors decide its requests. */
export const timeBoundSettingsQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: accessRequestKeys.settings(c),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof timeBoundSettingsDtoSchema>>(apiPath(c, 'time-bound-settings'), { signal }),
  })

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

/** POST …/access-requests: file a request. */
export function useCreateAccessRequest(c: ClusterRef) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateAccessRequestInput) =>
      fetchJson<z.infer<typeof accessRequestSchema>>(apiPath(c, 'access-requests'), json('POST', input)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessRequestKeys.all() }),
  })
}

/** POST …/access-requests/:id/decision: approve (and grant) or deny; refreshes requests, entries and grants after. */
export function useDecideAccessRequest(c: ClusterRef, id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: AccessRequestDecisionRequest) =>
      fetchJson<z.infer<typeof accessRequestSchema>>(
        apiPath(c, 'access-requests', id, 'decision'),
        json('POST', input),
      ),
    onSettled: () =>
      Promise.all(
        [accessRequestKeys.all(), accessEntryKeys.all(c), timeBoundKeys.cluster(c)].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  })
}

/** PUT …/time-bound-settings (admins). */
export function useSaveTimeBoundSettings(c: ClusterRef) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: TimeBoundSettingsInput) =>
      fetchJson<z.infer<typeof timeBoundSettingsDtoSchema>>(apiPath(c, 'time-bound-settings'), json('PUT', input)),
    onSettled: () =>
      Promise.all(
        [accessRequestKeys.settings(c), timeBoundKeys.cluster(c), accessRequestKeys.all()].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  })
}
