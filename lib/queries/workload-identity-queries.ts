import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import {
  type createdPodIdentitySchema,
  type createdWorkloadRoleSchema,
  type deletedPodIdentitySchema,
  type iamRoleSearchSchema,
  type irsaAnnotationsResultSchema,
  type oidcClientIdsResultSchema,
  type oidcProviderResultSchema,
} from '@/lib/workload-identity/workload-identity-responses'
import {
  type AddOidcClientIdInput,
  type CreatePodIdentityInput,
  type CreateWorkloadRoleInput,
  type IrsaAnnotationsInput,
  type Mechanism,
  type podIdentityDtoSchema,
  type serviceAccountChoicesSchema,
  type serviceAccountDetailSchema,
  type trustFixPreviewSchema,
  type UpdatePodIdentityInput,
  type workloadIdentitySchema,
} from '@/lib/workload-identity/workload-identity-schemas'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'

/** Query keys of a cluster's workload identity; all start with the cluster. */
export const workloadIdentityKeys = {
  all: (c: ClusterRef) => [...clusterKeys.all(c), 'workload-identity'] as const,
  mappings: (c: ClusterRef) => [...workloadIdentityKeys.all(c), 'mappings'] as const,
  serviceAccount: (c: ClusterRef, namespace: string, name: string) =>
    [...workloadIdentityKeys.all(c), 'service-account', namespace, name] as const,
  choices: (c: ClusterRef) => [...workloadIdentityKeys.all(c), 'choices'] as const,
  trustFix: (c: ClusterRef, namespace: string, serviceAccount: string, mechanism: Mechanism) =>
    [...workloadIdentityKeys.all(c), 'trust-fix', namespace, serviceAccount, mechanism] as const,
}

/** GET …/workload-identity: every mapping with checks. */
export const workloadIdentityQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: workloadIdentityKeys.mappings(c),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof workloadIdentitySchema>>(apiPath(c, 'workload-identity'), { signal }),
  })

/** GET …/service-accounts/:ns/:name: one service account with its mapping. */
export const serviceAccountDetailQuery = (c: ClusterRef, namespace: string, name: string) =>
  queryOptions({
    queryKey: workloadIdentityKeys.serviceAccount(c, namespace, name),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof serviceAccountDetailSchema>>(apiPath(c, 'service-accounts', namespace, name), {
        signal,
      }),
  })

/** GET …/service-accounts: namespaces and service accounts for the pickers. */
export const serviceAccountChoicesQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: workloadIdentityKeys.choices(c),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof serviceAccountChoicesSchema>>(apiPath(c, 'service-accounts'), { signal }),
    staleTime: 60_000,
  })

/** GET …/workload-identity/trust-fix: the policy diff shown before applying. Always read fresh. */
export const trustFixPreviewQuery = (c: ClusterRef, namespace: string, serviceAccount: string, mechanism: Mechanism) =>
  queryOptions({
    queryKey: workloadIdentityKeys.trustFix(c, namespace, serviceAccount, mechanism),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof trustFixPreviewSchema>>(
        `${apiPath(c, 'workload-identity', 'trust-fix')}?${new URLSearchParams({ namespace, serviceAccount, mechanism })}`,
        { signal },
      ),
    staleTime: 0,
    gcTime: 0,
  })

/** GET /api/iam/roles?q=: the role picker (IAM is global; the region picks the partition). */
export const iamRoleSearchQuery = (region: string, q: string) =>
  queryOptions({
    queryKey: ['iam', region, 'roles', q] as const,
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof iamRoleSearchSchema>>(`/api/iam/roles?${new URLSearchParams({ region, q })}`, {
        signal,
      }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  })

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})

// Every write changes what the mapping list and the service account pages show: refresh the cluster's identity keys.
function useInvalidate(c: ClusterRef) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: workloadIdentityKeys.all(c) })
}

/** POST …/pod-identity-associations */
export function useCreatePodIdentity(c: ClusterRef) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: (input: Partial<CreatePodIdentityInput>) =>
      fetchJson<z.infer<typeof createdPodIdentitySchema>>(apiPath(c, 'pod-identity-associations'), json('POST', input)),
    onSuccess,
  })
}

/** PATCH …/pod-identity-associations/:id */
export function useUpdatePodIdentity(c: ClusterRef, associationId: string) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: (input: Partial<UpdatePodIdentityInput>) =>
      fetchJson<z.infer<typeof podIdentityDtoSchema>>(
        apiPath(c, 'pod-identity-associations', associationId),
        json('PATCH', input),
      ),
    onSuccess,
  })
}

/** DELETE …/pod-identity-associations/:id */
export function useDeletePodIdentity(c: ClusterRef) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: (associationId: string) =>
      fetchJson<z.infer<typeof deletedPodIdentitySchema>>(
        apiPath(c, 'pod-identity-associations', associationId),
        json('DELETE'),
      ),
    onSuccess,
  })
}

/** PATCH …/service-accounts/:ns/:name (IRSA annotations with resourceVersion). */
export function useSetIrsaAnnotations(c: ClusterRef, namespace: string, name: string) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: (input: Partial<IrsaAnnotationsInput>) =>
      fetchJson<z.infer<typeof irsaAnnotationsResultSchema>>(
        apiPath(c, 'service-accounts', namespace, name),
        json('PATCH', input),
      ),
    onSuccess,
  })
}

/** POST …/workload-identity/trust-fix with the previewed policy. */
export function useApplyTrustFix(c: ClusterRef) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: (input: { namespace: string; serviceAccount: string; mechanism: Mechanism; expectedPolicy: string }) =>
      fetchJson<z.infer<typeof trustFixPreviewSchema>>(
        apiPath(c, 'workload-identity', 'trust-fix'),
        json('POST', input),
      ),
    onSuccess,
  })
}

/** POST …/oidc-provider */
export function useCreateOidcProvider(c: ClusterRef) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: () => fetchJson<z.infer<typeof oidcProviderResultSchema>>(apiPath(c, 'oidc-provider'), json('POST')),
    onSuccess,
  })
}

/** POST …/oidc-provider/client-ids: the token audience the cluster's IAM OIDC provider lacks. */
export function useAddOidcClientId(c: ClusterRef) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: (input: AddOidcClientIdInput) =>
      fetchJson<z.infer<typeof oidcClientIdsResultSchema>>(
        apiPath(c, 'oidc-provider', 'client-ids'),
        json('POST', input),
      ),
    onSuccess,
  })
}

/** POST /api/iam/roles: a role with the right trust policy for one service account. */
export function useCreateWorkloadRole() {
  return useMutation({
    mutationFn: (input: Partial<CreateWorkloadRoleInput>) =>
      fetchJson<z.infer<typeof createdWorkloadRoleSchema>>('/api/iam/roles', json('POST', input)),
  })
}
