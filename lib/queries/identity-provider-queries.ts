import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import {
  type identityProviderListSchema,
  type identityProviderUpdateSchema,
} from '@/lib/identity-providers/identity-provider-dto'
import type { AssociateIdentityProviderInput } from '@/lib/identity-providers/identity-provider-schema'
import { type generatedKubeconfigSchema } from '@/lib/kubeconfig/generated-kubeconfig'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'

export const identityProviderKeys = {
  list: (c: ClusterRef) => [...clusterKeys.all(c), 'identity-providers'] as const,
  update: (c: ClusterRef, id: string) => [...clusterKeys.all(c), 'identity-provider-update', id] as const,
}

/** GET …/identity-providers; polled while a config is CREATING or DELETING. */
export const identityProvidersQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: identityProviderKeys.list(c),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof identityProviderListSchema>>(apiPath(c, 'identity-providers'), { signal }),
    refetchInterval: (query) => (query.state.data?.providers.some((p) => p.status !== 'ACTIVE') ? 2_000 : false),
  })

/** GET …/identity-provider-updates/:id (DescribeUpdate), polled every 2 s while InProgress. */
export const identityProviderUpdateQuery = (c: ClusterRef, id: string) =>
  queryOptions({
    queryKey: identityProviderKeys.update(c, id),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof identityProviderUpdateSchema>>(apiPath(c, 'identity-provider-updates', id), { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'InProgress' || !query.state.data ? 2_000 : false),
  })

const json = { 'content-type': 'application/json' }

/** POST …/identity-providers (admins). */
export function useAssociateIdentityProvider(c: ClusterRef) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: AssociateIdentityProviderInput) =>
      fetchJson<z.infer<typeof identityProviderUpdateSchema>>(apiPath(c, 'identity-providers'), {
        method: 'POST',
        headers: json,
        body: JSON.stringify(input),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityProviderKeys.list(c) }),
  })
}

/** DELETE …/identity-providers/:name (admins). */
export function useDisassociateIdentityProvider(c: ClusterRef) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (name: string) =>
      fetchJson<z.infer<typeof identityProviderUpdateSchema>>(apiPath(c, 'identity-providers', name), {
        method: 'DELETE',
        headers: json,
        body: '{}',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityProviderKeys.list(c) }),
  })
}

/** GET …/kubeconfig/oidc?provider= — an OIDC user's kubeconfig. */
export const oidcKubeconfigQuery = (c: ClusterRef, provider: string) =>
  queryOptions({
    queryKey: [...identityProviderKeys.list(c), 'kubeconfig', provider] as const,
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof generatedKubeconfigSchema>>(
        `${apiPath(c, 'kubeconfig', 'oidc')}?${new URLSearchParams({ provider })}`,
        { signal },
      ),
  })
