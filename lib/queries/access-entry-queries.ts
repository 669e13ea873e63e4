import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import type { CreateAccessEntryRequest, UpdateAccessEntryInput } from '@/lib/access/access-entry-schema'
import {
  accessEntriesPageSchema,
  accessEntryDtoSchema,
  grantResultSchema,
  kubernetesContextSchema,
} from '@/lib/access-entries/access-entry-dto'
import type { AssociatePolicyRequest } from '@/lib/access-entries/grant-schema'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'

/** Query keys of a cluster's access entries. */
export const accessEntryKeys = {
  all: (c: ClusterRef) => [...clusterKeys.all(c), 'access-entries'] as const,
  list: (c: ClusterRef) => [...accessEntryKeys.all(c), 'list'] as const,
  kubernetes: (c: ClusterRef) => [...accessEntryKeys.all(c), 'kubernetes'] as const,
}

/** GET …/access-entries: every entry with details (the server fetches them with bounded concurrency). */
export const accessEntriesQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: accessEntryKeys.list(c),
    queryFn: ({ signal }) => fetchJson(apiPath(c, 'access-entries'), { signal }, accessEntriesPageSchema),
  })

/** GET …/access-entries/kubernetes: namespaces and bound groups, for warnings. */
export const kubernetesContextQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: accessEntryKeys.kubernetes(c),
    queryFn: ({ signal }) => fetchJson(apiPath(c, 'access-entries', 'kubernetes'), { signal }, kubernetesContextSchema),
    staleTime: 5 * 60_000,
  })

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})
const deletedSchema = z.object({ deleted: z.string() })

/** Re-reads the list bypassing the server's detail cache (the "Refresh" button). */
export function fetchFreshAccessEntries(c: ClusterRef) {
  return fetchJson(`${apiPath(c, 'access-entries')}?fresh=1`, {}, accessEntriesPageSchema)
}

function useInvalidateEntries(c: ClusterRef) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: accessEntryKeys.list(c) })
}

/** POST …/access-entries: create, then associate (the result says which steps applied). */
export function useGrantAccess(c: ClusterRef) {
  const invalidate = useInvalidateEntries(c)
  return useMutation({
    mutationFn: (input: CreateAccessEntryRequest) =>
      fetchJson(apiPath(c, 'access-entries'), json('POST', input), grantResultSchema),
    onSettled: invalidate,
  })
}

/** PATCH …/access-entries/:principal */
export function useUpdateAccessEntry(c: ClusterRef, principalArn: string) {
  const invalidate = useInvalidateEntries(c)
  return useMutation({
    mutationFn: (input: UpdateAccessEntryInput) =>
      fetchJson(apiPath(c, 'access-entries', principalArn), json('PATCH', input), accessEntryDtoSchema),
    onSuccess: invalidate,
  })
}

/** DELETE …/access-entries/:principal */
export function useDeleteAccessEntry(c: ClusterRef) {
  const invalidate = useInvalidateEntries(c)
  return useMutation({
    mutationFn: (input: { principalArn: string; confirmClusterName?: string }) =>
      fetchJson(
        apiPath(c, 'access-entries', input.principalArn),
        json('DELETE', { confirmClusterName: input.confirmClusterName }),
        deletedSchema,
      ),
    onSuccess: invalidate,
  })
}

/** POST …/access-entries/:principal/policies: add a policy or change its scope. */
export function useAssociatePolicy(c: ClusterRef, principalArn: string) {
  const invalidate = useInvalidateEntries(c)
  return useMutation({
    mutationFn: (input: AssociatePolicyRequest) =>
      fetchJson(apiPath(c, 'access-entries', principalArn, 'policies'), json('POST', input), accessEntryDtoSchema),
    onSuccess: invalidate,
  })
}

/** DELETE …/access-entries/:principal/policies/:policy */
export function useDisassociatePolicy(c: ClusterRef, principalArn: string) {
  const invalidate = useInvalidateEntries(c)
  return useMutation({
    mutationFn: (input: { policyArn: string; confirmClusterName?: string }) =>
      fetchJson(
        apiPath(c, 'access-entries', principalArn, 'policies', input.policyArn),
        json('DELETE', { confirmClusterName: input.confirmClusterName }),
        accessEntryDtoSchema,
      ),
    onSuccess: invalidate,
  })
}
