import 'server-only'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { listAllNamespaceNames } from '@/lib/k8s/kube-namespaces'
import { coreCollectionPath, getKubeJson, listKubeItems } from '@/lib/k8s/kube-raw'
import { completeNodeName } from '@/lib/resources/ec2-node-names'
import type { PodJson } from '@/lib/resources/kube-json'
import { projectPodDetail, projectPodRow } from '@/lib/resources/pod-rows'
import type { ForbiddenNotice, PodDetail, PodPage, PodRow } from '@/lib/resources/resource-dto'
import type { PodFilters, PodStatusFilter } from '@/lib/resources/resource-filters'

import { cursorWalksNamespaces, scanPages, toForbiddenNotice, type FetchKubePage } from './paged-scan'

// What Kubernetes can filter itself (pods register status.phase and spec.nodeName as field selectors); the rest of a
// status filter (the reason) runs on the console's server over those already-narrowed pages.
const phaseOf: Record<PodStatusFilter, string> = {
  Running: 'Running',
  Pending: 'Pending',
  Unschedulable: 'Pending',
  CrashLoopBackOff: 'Running',
  ImagePullBackOff: 'Pending',
  Completed: 'Succeeded',
  Failed: 'Failed',
  Evicted: 'Failed',
}

/** The field selector Kubernetes applies for these filters (`node` already completed by completeNodeName). */
export function buildPodFieldSelector(filters: Pick<PodFilters, 'status' | 'node'>): string {
  const parts: string[] = []
  if (filters.node) parts.push(`spec.nodeName=${filters.node}`)
  if (filters.status) parts.push(`status.phase=${phaseOf[filters.status]}`)
  return parts.join(',')
}

/** The part of the filters only the console can apply, or undefined when Kubernetes did all of it. */
export function buildPodRowFilter(filters: Pick<PodFilters, 'status' | 'q'>): ((row: PodRow) => boolean) | undefined {
  const q = filters.q.toLowerCase()
  const status = filters.status && filters.status !== 'Failed' ? filters.status : undefined
  if (!q && !status) return undefined
  return (row) => (!status || row.status === status) && (!q || row.name.toLowerCase().includes(q))
}

/**
 * One page of Pod rows, filtered and paged through Kubernetes. Namespaces chosen in the filter are walked in name
 * order; with none chosen it is one cluster-wide list, and when the console may not list Pods cluster-wide it walks
 * every namespace it can see instead, reporting those it may not list.
 */
export async function listPodRows(
  ref: ClusterRef,
  filters: PodFilters,
  paging: { cursor?: string; limit: number },
): Promise<PodPage> {
  const node = completeNodeName(filters.node, ref.region)
  const query = {
    labelSelector: filters.labels || undefined,
    fieldSelector: buildPodFieldSelector({ ...filters, node }),
  }
  const fetchPage: FetchKubePage<PodRow> = (namespace, page) =>
    listKubeItems(
      ref,
      { verb: 'list', resource: 'pods', namespace },
      coreCollectionPath('pods', namespace),
      { ...query, limit: page.limit, continue: page.continue },
      projectPodRow,
    )
  const scan = (namespaces: string[] | undefined) =>
    scanPages({
      namespaces,
      fetchPage,
      keep: buildPodRowFilter(filters),
      limit: paging.limit,
      cursor: paging.cursor,
    })
  if (filters.ns.length > 0) return scan(filters.ns)
  const walkAll = async (notice: ForbiddenNotice) => {
    // Forbidden cluster-wide (e.g. a namespace-scoped access policy): show what it may see, namespace by namespace.
    // Up to 5,000 namespaces, by name: a cluster with more shows the first 5,000 (clusters have hundreds).
    const { names } = await listAllNamespaceNames(ref, { max: 5_000 })
    const page = await scan(names)
    return { ...page, forbidden: [notice, ...page.forbidden] }
  }
  if (cursorWalksNamespaces(paging.cursor)) return walkAll(clusterWideNotice(ref))
  try {
    return await scan(undefined)
  } catch (error) {
    const notice = toForbiddenNotice(error)
    if (!notice || notice.namespace !== null) throw error
    return walkAll(notice).catch(() => {
      throw error
    })
  }
}

function clusterWideNotice(ref: ClusterRef): ForbiddenNotice {
  return {
    namespace: null,
    verb: 'list',
    resource: 'pods',
    message: `The console's role cannot list pods across the cluster on ${ref.name}; showing the namespaces it can list.`,
  }
}

/** One Pod with containers, conditions, labels, annotations and YAML. */
export async function getPodDetail(ref: ClusterRef, namespace: string, name: string): Promise<PodDetail> {
  const pod = await getKubeJson<PodJson>(
    ref,
    { verb: 'get', resource: 'pods', namespace, name },
    `${coreCollectionPath('pods', namespace)}/${encodeURIComponent(name)}`,
  )
  return projectPodDetail(pod)
}
