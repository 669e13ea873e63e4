import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { CreateBindingInput } from '@/lib/rbac/rbac-binding-schema'
import type {
  bindingDetailSchema,
  bindingWriteResultSchema,
  rbacOverviewSchema,
  roleDetailSchema,
  subjectDetailSchema,
} from '@/lib/rbac/rbac-dto'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'
import { timeBoundKeys } from './time-bound-queries'

type Target = { kind: string; name: string; namespace?: string | null }

/** Query keys of a cluster's RBAC; all start with the cluster. */
export const rbacKeys = {
  all: (c: ClusterRef) => [...clusterKeys.all(c), 'rbac'] as const,
  overview: (c: ClusterRef) => [...rbacKeys.all(c), 'overview'] as const,
  object: (c: ClusterRef, t: Target) => [...rbacKeys.all(c), 'object', t.kind, t.namespace ?? '', t.name] as const,
}

const objectPath = (c: ClusterRef, t: Target) => {
  const folder = {
    Role: 'roles',
    ClusterRole: 'cluster-roles',
    RoleBinding: 'role-bindings',
    ClusterRoleBinding: 'cluster-role-bindings',
  }[t.kind]
  if (!folder)
    return (
      apiPath(c, 'rbac', 'subjects', t.kind, t.name) +
      (t.namespace ? `?namespace=${encodeURIComponent(t.namespace)}` : '')
    )
  return t.namespace ? apiPath(c, 'rbac', folder, t.namespace, t.name) : apiPath(c, 'rbac', folder, t.name)
}

/** GET …/rbac: every role, binding and subject. */
export const rbacOverviewQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: rbacKeys.overview(c),
    queryFn: ({ signal }) => fetchJson<z.infer<typeof rbacOverviewSchema>>(apiPath(c, 'rbac'), { signal }),
  })

/** GET one Role or ClusterRole. */
export const roleDetailQuery = (c: ClusterRef, t: Target) =>
  queryOptions({
    queryKey: rbacKeys.object(c, t),
    queryFn: ({ signal }) => fetchJson<z.infer<typeof roleDetailSchema>>(objectPath(c, t), { signal }),
  })

/** GET one RoleBinding or ClusterRoleBinding. */
export const bindingDetailQuery = (c: ClusterRef, t: Target) =>
  queryOptions({
    queryKey: rbacKeys.object(c, t),
    queryFn: ({ signal }) => fetchJson<z.infer<typeof bindingDetailSchema>>(objectPath(c, t), { signal }),
  })

/** GET one subject (User, Group, ServiceAccount with namespace). */
export const subjectDetailQuery = (c: ClusterRef, t: Target) =>
  queryOptions({
    queryKey: rbacKeys.object(c, t),
    queryFn: ({ signal }) => fetchJson<z.infer<typeof subjectDetailSchema>>(objectPath(c, t), { signal }),
  })

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

/** POST …/rbac/role-bindings or …/cluster-role-bindings. */
export function useCreateBinding(c: ClusterRef) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateBindingInput) =>
      fetchJson<z.infer<typeof bindingWriteResultSchema>>(
        apiPath(c, 'rbac', input.kind === 'RoleBinding' ? 'role-bindings' : 'cluster-role-bindings'),
        json('POST', input),
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: timeBoundKeys.cluster(c) })
      return queryClient.invalidateQueries({ queryKey: rbacKeys.all(c) })
    },
  })
}

/** DELETE one binding with the resourceVersion (and uid) the page showed. */
export function useDeleteBinding(c: ClusterRef, t: Target) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (version: { resourceVersion: string; uid?: string }) =>
      fetchJson<{ deleted: string }>(objectPath(c, t), json('DELETE', version)),
    // Everything but the deleted object itself: re-reading it would only answer 404 while the page leaves.
    onSettled: () => {
      const deleted = JSON.stringify(rbacKeys.object(c, t))
      return queryClient.invalidateQueries({
        queryKey: rbacKeys.all(c),
        predicate: (query) => JSON.stringify(query.queryKey) !== deleted,
      })
    },
  })
}
