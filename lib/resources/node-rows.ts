import type { KubeMetaJson, NodeJson } from './kube-json'
import { buildMetaFields } from './object-yaml'
import { parseQuantity } from './quantity'
import type { NodeDetail, NodeRow, NodeSource } from './resource-dto'

/**
 * Where a node comes from, by the labels EKS and Karpenter put on it: `eks.amazonaws.com/nodegroup` (managed node
 * group), `eks.amazonaws.com/compute-type=auto` + `karpenter.sh/nodepool` (EKS Auto Mode node pool),
 * `eks.amazonaws.com/compute-type=fargate` (Fargate, one node per Pod), a self-run Karpenter node pool, or none.
 */
export function deriveNodeSource(labels: Record<string, string> = {}): NodeSource {
  const computeType = labels['eks.amazonaws.com/compute-type']
  if (computeType === 'fargate') {
    return { kind: 'fargate', name: labels['eks.amazonaws.com/fargate-profile'] ?? null }
  }
  if (labels['eks.amazonaws.com/nodegroup']) return { kind: 'nodegroup', name: labels['eks.amazonaws.com/nodegroup'] }
  const pool = labels['karpenter.sh/nodepool']
  if (computeType === 'auto') return { kind: 'auto-mode', name: pool ?? null }
  if (pool) return { kind: 'karpenter', name: pool }
  return { kind: 'self-managed', name: null }
}

/** Roles from `node-role.kubernetes.io/<role>` labels (EKS nodes usually carry none). */
function deriveRoles(labels: Record<string, string> = {}): string[] {
  const roles: string[] = []
  for (const key of Object.keys(labels)) {
    if (key.startsWith('node-role.kubernetes.io/')) roles.push(key.slice('node-role.kubernetes.io/'.length))
    else if (key === 'kubernetes.io/role') roles.push(labels[key] ?? '')
  }
  return roles.filter(Boolean).sort()
}

function deriveNodeStatus(node: NodeJson): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')
  const base = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown'
  return node.spec?.unschedulable ? `${base},SchedulingDisabled` : base
}

const label = (meta: KubeMetaJson | undefined, ...keys: string[]) => {
  for (const key of keys) if (meta?.labels?.[key]) return meta.labels[key] ?? null
  return null
}

/** Projects a Node to the row the table shows. */
export function projectNodeRow(node: NodeJson): NodeRow {
  const meta = node.metadata
  const s = node.status
  return {
    name: meta?.name ?? '',
    status: deriveNodeStatus(node),
    problems: (s?.conditions ?? []).filter((c) => c.type !== 'Ready' && c.status === 'True').map((c) => c.type ?? ''),
    roles: deriveRoles(meta?.labels),
    instanceType: label(meta, 'node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'),
    zone: label(meta, 'topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'),
    version: s?.nodeInfo?.kubeletVersion ?? null,
    cpuCapacity: parseQuantity(s?.capacity?.cpu),
    cpuAllocatable: parseQuantity(s?.allocatable?.cpu),
    memoryCapacity: parseQuantity(s?.capacity?.memory),
    memoryAllocatable: parseQuantity(s?.allocatable?.memory),
    source: deriveNodeSource(meta?.labels),
    createdAt: meta?.creationTimestamp ?? null,
  }
}

/** Projects a Node to the detail view. */
export function projectNodeDetail(node: NodeJson): NodeDetail {
  const s = node.status
  return {
    ...buildMetaFields(node),
    row: projectNodeRow(node),
    providerId: node.spec?.providerID ?? null,
    internalIP: s?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? null,
    osImage: s?.nodeInfo?.osImage ?? null,
    kernelVersion: s?.nodeInfo?.kernelVersion ?? null,
    containerRuntime: s?.nodeInfo?.containerRuntimeVersion ?? null,
    architecture: s?.nodeInfo?.architecture ?? null,
    podCapacity: parseQuantity(s?.capacity?.pods),
    taints: (node.spec?.taints ?? []).map((t) => `${t.key ?? ''}${t.value ? `=${t.value}` : ''}:${t.effect ?? ''}`),
    conditions: (s?.conditions ?? []).map((c) => ({
      type: c.type ?? '',
      status: c.status ?? '',
      reason: c.reason ?? null,
      message: c.message ?? null,
    })),
  }
}
