import { useMutation, useQueryClient } from '@tanstack/react-query'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import {
  podIdentityDtoSchema,
  trustFixPreviewSchema,
  type AddOidcClientIdInput,
  type CreatePodIdentityInput,
  type CreateWorkloadRoleInput,
  type IrsaAnnotationsInput,
  type Mechanism,
  type UpdatePodIdentityInput,
} from '@/lib/workload-identity/workload-identity-schemas'
import {
  createdPodIdentitySchema,
  createdWorkloadRoleSchema,
  deletedPodIdentitySchema,
  irsaAnnotationsResultSchema,
  oidcClientIdsResultSchema,
  oidcProviderResultSchema,
} from '@/lib/workload-identity/workload-identity-responses'

import { apiPath } from './api-paths'
import { workloadIdentityKeys } from './workload-identity-queries'

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
      fetchJson(apiPath(c, 'pod-identity-associations'), json('POST', input), createdPodIdentitySchema),
    onSuccess,
  })
}

/** PATCH …/pod-identity-associations/:id */
export function useUpdatePodIdentity(c: ClusterRef, associationId: string) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: (input: Partial<UpdatePodIdentityInput>) =>
      fetchJson(apiPath(c, 'pod-identity-associations', associationId), json('PATCH', input), podIdentityDtoSchema),
    onSuccess,
  })
}

/** DELETE …/pod-identity-associations/:id */
export function useDeletePodIdentity(c: ClusterRef) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: (associationId: string) =>
      fetchJson(apiPath(c, 'pod-identity-associations', associationId), json('DELETE'), deletedPodIdentitySchema),
    onSuccess,
  })
}

/** PATCH …/service-accounts/:ns/:name (IRSA annotations with resourceVersion). */
export function useSetIrsaAnnotations(c: ClusterRef, namespace: string, name: string) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: (input: Partial<IrsaAnnotationsInput>) =>
      fetchJson(apiPath(c, 'service-accounts', namespace, name), json('PATCH', input), irsaAnnotationsResultSchema),
    onSuccess,
  })
}

/** POST …/workload-identity/trust-fix with the previewed policy. */
export function useApplyTrustFix(c: ClusterRef) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: (input: { namespace: string; serviceAccount: string; mechanism: Mechanism; expectedPolicy: string }) =>
      fetchJson(apiPath(c, 'workload-identity', 'trust-fix'), json('POST', input), trustFixPreviewSchema),
    onSuccess,
  })
}

/** POST …/oidc-provider */
export function useCreateOidcProvider(c: ClusterRef) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: () => fetchJson(apiPath(c, 'oidc-provider'), json('POST'), oidcProviderResultSchema),
    onSuccess,
  })
}

/** POST …/oidc-provider/client-ids: the token audience the cluster's IAM OIDC provider lacks. */
export function useAddOidcClientId(c: ClusterRef) {
  const onSuccess = useInvalidate(c)
  return useMutation({
    mutationFn: (input: AddOidcClientIdInput) =>
      fetchJson(apiPath(c, 'oidc-provider', 'client-ids'), json('POST', input), oidcClientIdsResultSchema),
    onSuccess,
  })
}

/** POST /api/iam/roles: a role with the right trust policy for one service account. */
export function useCreateWorkloadRole() {
  return useMutation({
    mutationFn: (input: Partial<CreateWorkloadRoleInput>) =>
      fetchJson('/api/iam/roles', json('POST', input), createdWorkloadRoleSchema),
  })
}
