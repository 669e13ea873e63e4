import 'server-only'

import { mapLimited } from '@/lib/aws/map-limited'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { coreCollectionPath, getKubeJson, type KubeListJson } from '@/lib/k8s/kube-raw'
import type { PodCounts } from '@/lib/resources/resource-dto'

import { toForbiddenNotice } from './paged-scan'

// Counts are asked for the rows on screen only (a few dozen), a handful at a time.
const CONCURRENCY = 8
// A node runs at most ~110 Pods on EKS (max-pods of the largest instance types with prefix delegation; 737 is the
// hard limit of the biggest), so one 500-item page counts a node exactly in practice.
const NODE_PAGE = 500

type Count = PodCounts['counts'][string]

async function countSafely(run: () => Promise<Omit<Count, 'forbidden'>>): Promise<Count> {
  try {
    return { ...(await run()), forbidden: null }
  } catch (error) {
    const notice = toForbiddenNotice(error)
    if (!notice) throw error
    return { count: null, atLeast: false, forbidden: notice.message }
  }
}

/**
 * Pods per namespace without listing them: a `limit=1` list answers with one item and `metadata.remainingItemCount`,
 * which kube-apiserver computes from its index, so each count costs one tiny request. A namespace the console may not
 * list comes back with `forbidden` instead of failing the others.
 */
export async function countPodsByNamespace(ref: ClusterRef, namespaces: string[]): Promise<PodCounts> {
  const counts = await mapLimited(namespaces, CONCURRENCY, (namespace) =>
    countSafely(async () => {
      const list = await getKubeJson<KubeListJson<unknown>>(
        ref,
        { verb: 'list', resource: 'pods', namespace },
        coreCollectionPath('pods', namespace),
        { limit: 1 },
      )
      const remaining = list.metadata?.remainingItemCount
      const more = Boolean(list.metadata?.continue)
      return { count: list.items.length + (remaining ?? 0), atLeast: more && remaining === undefined }
    }),
  )
  return { counts: Object.fromEntries(namespaces.map((ns, i) => [ns, counts[i] as Count])) }
}

/** Pods per node: a `spec.nodeName` field-selector list (served from the API server's node index). */
export async function countPodsByNode(ref: ClusterRef, nodes: string[]): Promise<PodCounts> {
  const counts = await mapLimited(nodes, CONCURRENCY, (node) =>
    countSafely(async () => {
      const list = await getKubeJson<KubeListJson<unknown>>(
        ref,
        { verb: 'list', resource: 'pods' },
        coreCollectionPath('pods'),
        { fieldSelector: `spec.nodeName=${node}`, limit: NODE_PAGE },
      )
      return { count: list.items.length, atLeast: Boolean(list.metadata?.continue) }
    }),
  )
  return { counts: Object.fromEntries(nodes.map((n, i) => [n, counts[i] as Count])) }
}
