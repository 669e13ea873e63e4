import { keepPreviousData, queryOptions } from '@tanstack/react-query'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import {
  serviceAccountChoicesSchema,
  serviceAccountDetailSchema,
  trustFixPreviewSchema,
  workloadIdentitySchema,
  type Mechanism,
} from '@/lib/workload-identity/workload-identity-schemas'
import { iamRoleSearchSchema } from '@/lib/workload-identity/workload-identity-responses'

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
    queryFn: ({ signal }) => fetchJson(apiPath(c, 'workload-identity'), { signal }, workloadIdentitySchema),
  })

/** GET …/service-accounts/:ns/:name: one service account with its mapping. */
export const serviceAccountDetailQuery = (c: ClusterRef, namespace: string, name: string) =>
  queryOptions({
    queryKey: workloadIdentityKeys.serviceAccount(c, namespace, name),
    queryFn: ({ signal }) =>
      fetchJson(apiPath(c, 'service-accounts', namespace, name), { signal }, serviceAccountDetailSchema),
  })

/** GET …/service-accounts: namespaces and service accounts for the pickers. */
export const serviceAccountChoicesQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: workloadIdentityKeys.choices(c),
    queryFn: ({ signal }) => fetchJson(apiPath(c, 'service-accounts'), { signal }, serviceAccountChoicesSchema),
    staleTime: 60_000,
  })

/** GET …/workload-identity/trust-fix: the policy diff shown before applying. Always read fresh. */
export const trustFixPreviewQuery = (c: ClusterRef, namespace: string, serviceAccount: string, mechanism: Mechanism) =>
  queryOptions({
    queryKey: workloadIdentityKeys.trustFix(c, namespace, serviceAccount, mechanism),
    queryFn: ({ signal }) =>
      fetchJson(
        `${apiPath(c, 'workload-identity', 'trust-fix')}?${new URLSearchParams({ namespace, serviceAccount, mechanism })}`,
        { signal },
        trustFixPreviewSchema,
      ),
    staleTime: 0,
    gcTime: 0,
  })

/** GET /api/iam/roles?q=: the role picker (IAM is global; the region picks the partition). */
export const iamRoleSearchQuery = (region: string, q: string) =>
  queryOptions({
    queryKey: ['iam', region, 'roles', q] as const,
    queryFn: ({ signal }) =>
      fetchJson(`/api/iam/roles?${new URLSearchParams({ region, q })}`, { signal }, iamRoleSearchSchema),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  })
