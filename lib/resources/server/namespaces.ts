import 'server-only'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { coreCollectionPath, getKubeJson, listKubeItems } from '@/lib/k8s/kube-raw'
import type { NamespaceJson } from '@/lib/resources/kube-json'
import { buildMetaFields } from '@/lib/resources/object-yaml'
import type { NamespaceDetail, NamespacePage, NamespaceRow } from '@/lib/resources/resource-dto'
import type { NamespaceFilters } from '@/lib/resources/resource-filters'

import { scanPages } from './paged-scan'

/** Projects a Namespace to its row. */
export function projectNamespaceRow(ns: NamespaceJson): NamespaceRow {
  return {
    name: ns.metadata?.name ?? '',
    status: ns.status?.phase ?? 'Unknown',
    createdAt: ns.metadata?.creationTimestamp ?? null,
    labels: ns.metadata?.labels ?? {},
  }
}

const listPage = (ref: ClusterRef, query: Record<string, string | number | undefined>) =>
  listKubeItems(
    ref,
    { verb: 'list', resource: 'namespaces' },
    coreCollectionPath('namespaces'),
    query,
    projectNamespaceRow,
  )

/** One page of namespace rows; `labels` goes to Kubernetes, the name search runs on the console's server. */
export async function listNamespaceRows(
  ref: ClusterRef,
  filters: NamespaceFilters,
  paging: { cursor?: string; limit: number },
): Promise<NamespacePage> {
  const q = filters.q.toLowerCase()
  return scanPages({
    fetchPage: (_ns, page) =>
      listPage(ref, { labelSelector: filters.labels || undefined, limit: page.limit, continue: page.continue }),
    keep: q ? (row) => row.name.includes(q) : undefined,
    limit: paging.limit,
    cursor: paging.cursor,
  })
}

/** One namespace with labels, annotations and YAML. */
export async function getNamespaceDetail(ref: ClusterRef, name: string): Promise<NamespaceDetail> {
  const ns = await getKubeJson<NamespaceJson>(
    ref,
    { verb: 'get', resource: 'namespaces', name },
    `/api/v1/namespaces/${encodeURIComponent(name)}`,
  )
  return { ...buildMetaFields(ns), row: projectNamespaceRow(ns) }
}
