import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'

import { type authenticationModeStateSchema, type clusterUpdateSchema } from '@/lib/access/access-entry-dto'
import { fetchJson } from '@/lib/api/fetch-json'
import type { AuthenticationMode, ClusterRef } from '@/lib/clusters/cluster-schemas'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'

export const authenticationModeKeys = {
  state: (c: ClusterRef) => [...clusterKeys.all(c), 'authentication-mode'] as const,
  update: (c: ClusterRef, id: string) => [...authenticationModeKeys.state(c), 'update', id] as const,
}

/** GET …/authentication-mode */
export const authenticationModeQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: authenticationModeKeys.state(c),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof authenticationModeStateSchema>>(apiPath(c, 'authentication-mode'), { signal }),
  })

/** GET …/authentication-mode/updates/:id, polled every 2 s until the update leaves InProgress. */
export const clusterUpdateQuery = (c: ClusterRef, id: string) =>
  queryOptions({
    queryKey: authenticationModeKeys.update(c, id),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof clusterUpdateSchema>>(apiPath(c, 'authentication-mode', 'updates', id), { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'InProgress' || !query.state.data ? 2_000 : false),
  })

/** POST …/authentication-mode (admins only). */
export function useSwitchAuthenticationMode(c: ClusterRef) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (authenticationMode: AuthenticationMode) =>
      fetchJson<z.infer<typeof clusterUpdateSchema>>(apiPath(c, 'authentication-mode'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ authenticationMode }),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authenticationModeKeys.state(c) }),
  })
}
