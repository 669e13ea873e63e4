import 'server-only'

import type { V1Namespace, V1Node, V1Pod, V1ServiceAccount } from '@kubernetes/client-node'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { callKube } from './kube-clients'

/** One server-side page request: `limit` + the `continue` token of the previous page, and selectors. */
export type PageRequest = { limit?: number; continue?: string; labelSelector?: string; fieldSelector?: string }

/** One page of a list; `continue` is absent on the last page. `remaining` is the server's estimate, when given. */
export type Page<T> = { items: T[]; continue?: string; remaining?: number; resourceVersion?: string }

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 500

type ListMeta = { _continue?: string; remainingItemCount?: number; resourceVersion?: string }

function toPage<T>(list: { items: T[]; metadata?: ListMeta }): Page<T> {
  return {
    items: list.items,
    ...(list.metadata?._continue ? { continue: list.metadata._continue } : {}),
    ...(list.metadata?.remainingItemCount !== undefined ? { remaining: list.metadata.remainingItemCount } : {}),
    ...(list.metadata?.resourceVersion ? { resourceVersion: list.metadata.resourceVersion } : {}),
  }
}

// Lists scale by server-side pages: never ask for everything, and cap what a caller may ask for.
const params = (page: PageRequest) => ({
  limit: Math.min(Math.max(page.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT),
  _continue: page.continue,
  labelSelector: page.labelSelector,
  fieldSelector: page.fieldSelector,
})

/** One page of namespaces. */
export async function listNamespaces(ref: ClusterRef, page: PageRequest = {}): Promise<Page<V1Namespace>> {
  return toPage(
    await callKube(ref, { verb: 'list', resource: 'namespaces' }, (k) => k.core.listNamespace(params(page))),
  )
}

/** One page of nodes. */
export async function listNodes(ref: ClusterRef, page: PageRequest = {}): Promise<Page<V1Node>> {
  return toPage(await callKube(ref, { verb: 'list', resource: 'nodes' }, (k) => k.core.listNode(params(page))))
}

/** One page of Pods in `namespace`, or across all namespaces when it is omitted. */
export async function listPods(ref: ClusterRef, namespace?: string, page: PageRequest = {}): Promise<Page<V1Pod>> {
  const action = { verb: 'list', resource: 'pods', namespace }
  const list = await callKube(ref, action, (k) =>
    namespace ? k.core.listNamespacedPod({ namespace, ...params(page) }) : k.core.listPodForAllNamespaces(params(page)),
  )
  return toPage(list)
}

/** One page of service accounts in `namespace`, or across all namespaces. */
export async function listServiceAccounts(
  ref: ClusterRef,
  namespace?: string,
  page: PageRequest = {},
): Promise<Page<V1ServiceAccount>> {
  const action = { verb: 'list', resource: 'serviceaccounts', namespace }
  const list = await callKube(ref, action, (k) =>
    namespace
      ? k.core.listNamespacedServiceAccount({ namespace, ...params(page) })
      : k.core.listServiceAccountForAllNamespaces(params(page)),
  )
  return toPage(list)
}

/** Every page of a list, up to `max` items (for small, bounded lists such as namespaces or RBAC bindings). */
export async function collectPages<T>(
  fetchPage: (page: PageRequest) => Promise<Page<T>>,
  max = 5_000,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = []
  let next: string | undefined
  do {
    const page = await fetchPage({ limit: MAX_LIMIT, continue: next })
    items.push(...page.items)
    next = page.continue
  } while (next && items.length < max)
  return { items: items.slice(0, max), truncated: Boolean(next) || items.length > max }
}
