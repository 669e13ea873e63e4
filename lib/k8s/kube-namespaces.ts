import 'server-only'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { coreCollectionPath, listKubeItems } from './kube-raw'

const PAGE_SIZE = 500

/**
 * The one "every namespace of a cluster" lister: names only (each item is dropped once its name is read), sorted,
 * at most `max` of them. `truncated` says the cluster has more; each caller decides what that means for it.
 */
export async function listAllNamespaceNames(
  ref: ClusterRef,
  options: { max: number },
): Promise<{ names: string[]; truncated: boolean }> {
  const names: string[] = []
  let next: string | undefined
  do {
    const page = await listKubeItems(
      ref,
      { verb: 'list', resource: 'namespaces' },
      coreCollectionPath('namespaces'),
      { limit: PAGE_SIZE, continue: next },
      (ns: { metadata?: { name?: string } }) => ns.metadata?.name ?? '',
    )
    for (const name of page.items) if (name) names.push(name)
    next = page.metadata?.continue || undefined
  } while (next && names.length < options.max)
  const truncated = Boolean(next) || names.length > options.max
  return { names: names.sort().slice(0, options.max), truncated }
}
