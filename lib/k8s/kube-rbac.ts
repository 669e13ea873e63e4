import 'server-only'

import type { V1ClusterRoleBinding, V1RoleBinding } from '@kubernetes/client-node'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { callKube } from './kube-clients'
import { collectPages, type Page, type PageRequest } from './kube-lists'
import { listAllNamespaceNames } from './kube-namespaces'

type ListMeta = { _continue?: string }
const toPage = <T>(list: { items: T[]; metadata?: ListMeta }): Page<T> => ({
  items: list.items,
  ...(list.metadata?._continue ? { continue: list.metadata._continue } : {}),
})

/** One page of ClusterRoleBindings. */
export async function listClusterRoleBindings(
  ref: ClusterRef,
  page: PageRequest = {},
): Promise<Page<V1ClusterRoleBinding>> {
  const action = { verb: 'list', resource: 'clusterrolebindings', group: 'rbac.authorization.k8s.io' }
  return toPage(
    await callKube(ref, action, (k) => k.rbac.listClusterRoleBinding({ limit: page.limit, _continue: page.continue })),
  )
}

/** One page of RoleBindings across all namespaces. */
export async function listRoleBindings(ref: ClusterRef, page: PageRequest = {}): Promise<Page<V1RoleBinding>> {
  const action = { verb: 'list', resource: 'rolebindings', group: 'rbac.authorization.k8s.io' }
  return toPage(
    await callKube(ref, action, (k) =>
      k.rbac.listRoleBindingForAllNamespaces({ limit: page.limit, _continue: page.continue }),
    ),
  )
}

/**
 * What the access-entry grant form checks against (lib/access-entries KubernetesContextSource): namespace names, and
 * the groups that some RoleBinding or ClusterRoleBinding names — a group bound to nothing grants nothing via RBAC.
 */
export async function loadNamespacesAndBoundGroups(
  ref: ClusterRef,
): Promise<{ namespaces: string[]; boundGroups: string[] }> {
  const [namespaces, clusterBindings, bindings] = await Promise.all([
    // Up to 5,000 names; beyond that the form's "does not exist" warning may name one that does (clusters have hundreds).
    listAllNamespaceNames(ref, { max: 5_000 }),
    collectPages((page) => listClusterRoleBindings(ref, page)),
    collectPages((page) => listRoleBindings(ref, page)),
  ])
  const groups = new Set<string>()
  for (const binding of [...clusterBindings.items, ...bindings.items]) {
    for (const subject of binding.subjects ?? []) if (subject.kind === 'Group') groups.add(subject.name)
  }
  return {
    namespaces: namespaces.names,
    boundGroups: [...groups].sort(),
  }
}
