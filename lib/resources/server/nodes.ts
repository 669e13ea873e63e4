import 'server-only'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { coreCollectionPath, getKubeJson, listKubeItems } from '@/lib/k8s/kube-raw'
import type { NodeJson } from '@/lib/resources/kube-json'
import { projectNodeDetail, projectNodeRow } from '@/lib/resources/node-rows'
import type { NodeDetail, NodePage, NodeRow } from '@/lib/resources/resource-dto'
import type { NodeFilters } from '@/lib/resources/resource-filters'

import { scanPages } from './paged-scan'

function buildNodeRowFilter(filters: NodeFilters): ((row: NodeRow) => boolean) | undefined {
  const q = filters.q.toLowerCase()
  const status = filters.status
  if (!q && !status) return undefined
  return (row) => {
    if (q && !row.name.toLowerCase().includes(q)) return false
    if (status === 'Ready') return row.status.startsWith('Ready')
    if (status === 'NotReady') return !row.status.startsWith('Ready')
    if (status === 'SchedulingDisabled') return row.status.endsWith('SchedulingDisabled')
    return true
  }
}

/**
 * One page of node rows. Labels and cordoned state go to Kubernetes (label selector, `spec.unschedulable` field
 * selector); the name search and readiness run on the console's server with a bounded scan.
 */
export async function listNodeRows(
  ref: ClusterRef,
  filters: NodeFilters,
  paging: { cursor?: string; limit: number },
): Promise<NodePage> {
  const fieldSelector = filters.status === 'SchedulingDisabled' ? 'spec.unschedulable=true' : undefined
  return scanPages({
    fetchPage: (_ns, page) =>
      listKubeItems(
        ref,
        { verb: 'list', resource: 'nodes' },
        coreCollectionPath('nodes'),
        { labelSelector: filters.labels || undefined, fieldSelector, limit: page.limit, continue: page.continue },
        projectNodeRow,
      ),
    keep: buildNodeRowFilter(filters),
    limit: paging.limit,
    cursor: paging.cursor,
  })
}

/** One node with conditions, capacity, taints, labels, annotations and YAML. */
export async function getNodeDetail(ref: ClusterRef, name: string): Promise<NodeDetail> {
  const node = await getKubeJson<NodeJson>(
    ref,
    { verb: 'get', resource: 'nodes', name },
    `/api/v1/nodes/${encodeURIComponent(name)}`,
  )
  return projectNodeDetail(node)
}
