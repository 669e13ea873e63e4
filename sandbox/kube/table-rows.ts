// The Pod and Node table rows, following kube's printPod / printNode: the STATUS column is the first waiting or
// terminated reason (CrashLoopBackOff, ImagePullBackOff, Completed, …), status.reason (Evicted) or the phase.
import type { KubeObject } from './types'

type Column = { name: string; type: string; format?: string; priority?: number; description?: string }

interface ContainerStatus {
  ready?: boolean
  restartCount?: number
  state?: {
    waiting?: { reason?: string }
    terminated?: { reason?: string; exitCode?: number; signal?: number }
    running?: unknown
  }
  lastState?: { terminated?: { finishedAt?: string } }
}

interface PodLike extends KubeObject {
  spec?: { containers?: unknown[]; nodeName?: string }
  status?: {
    phase?: string
    reason?: string
    podIP?: string
    containerStatuses?: ContainerStatus[]
    nominatedNodeName?: string
  }
}

/** The STATUS a person sees for a pod. */
export function summarizePodStatus(pod: PodLike): string {
  const st = pod.status ?? {}
  let reason = st.reason || st.phase || 'Unknown'
  for (const c of st.containerStatuses ?? []) {
    const w = c.state?.waiting?.reason
    const t = c.state?.terminated
    if (w && w !== 'ContainerCreating' && c.ready !== true) reason = w
    else if (t && !st.reason) reason = t.reason || (t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode ?? 0}`)
    else if (w) reason = w
  }
  if (pod.metadata.deletionTimestamp) reason = 'Terminating'
  return reason
}

function formatRestarts(statuses: ContainerStatus[]): string {
  const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0)
  const last = statuses
    .map((c) => c.lastState?.terminated?.finishedAt)
    .filter((x): x is string => !!x)
    .sort()
    .pop()
  if (!last || restarts === 0) return String(restarts)
  const minutes = Math.max(0, Math.floor((Date.now() - Date.parse(last)) / 60000))
  const ago =
    minutes < 60 ? `${minutes}m` : minutes < 60 * 48 ? `${Math.floor(minutes / 60)}h` : `${Math.floor(minutes / 1440)}d`
  return `${restarts} (${ago} ago)`
}

/** Columns and cells of `kubectl get pods`. */
export function describePodRow(
  o: KubeObject,
  NAME: Column,
  AGE: Column,
  age: string,
): { columns: Column[]; cells: unknown[] } {
  const pod = o as PodLike
  const statuses = pod.status?.containerStatuses ?? []
  const total = pod.spec?.containers?.length ?? statuses.length
  const ready = statuses.filter((c) => c.ready).length
  return {
    columns: [
      NAME,
      {
        name: 'Ready',
        type: 'string',
        description: 'The aggregate readiness state of this pod for accepting traffic.',
      },
      { name: 'Status', type: 'string', description: 'The aggregate status of the containers in this pod.' },
      {
        name: 'Restarts',
        type: 'string',
        description:
          'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
      },
      AGE,
      { name: 'IP', type: 'string', priority: 1 },
      { name: 'Node', type: 'string', priority: 1 },
      { name: 'Nominated Node', type: 'string', priority: 1 },
      { name: 'Readiness Gates', type: 'string', priority: 1 },
    ],
    cells: [
      o.metadata.name,
      `${ready}/${total}`,
      summarizePodStatus(pod),
      formatRestarts(statuses),
      age,
      pod.status?.podIP ?? '<none>',
      pod.spec?.nodeName ?? '<none>',
      pod.status?.nominatedNodeName ?? '<none>',
      '<none>',
    ],
  }
}

/** Columns and cells of `kubectl get nodes`. */
export function describeNodeRow(
  o: KubeObject,
  NAME: Column,
  AGE: Column,
  age: string,
): { columns: Column[]; cells: unknown[] } {
  const node = o as KubeObject & {
    spec?: { unschedulable?: boolean }
    status?: {
      conditions?: { type: string; status: string }[]
      nodeInfo?: Record<string, string>
      addresses?: { type: string; address: string }[]
    }
  }
  const readyCond = node.status?.conditions?.find((c) => c.type === 'Ready')
  let status = readyCond?.status === 'True' ? 'Ready' : readyCond ? 'NotReady' : 'Unknown'
  if (node.spec?.unschedulable) status += ',SchedulingDisabled'
  const roles = Object.keys(o.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
  const info = node.status?.nodeInfo ?? {}
  const address = (t: string) => node.status?.addresses?.find((a) => a.type === t)?.address ?? '<none>'
  return {
    columns: [
      NAME,
      { name: 'Status', type: 'string' },
      { name: 'Roles', type: 'string' },
      AGE,
      { name: 'Version', type: 'string' },
      { name: 'Internal-IP', type: 'string', priority: 1 },
      { name: 'External-IP', type: 'string', priority: 1 },
      { name: 'OS-Image', type: 'string', priority: 1 },
      { name: 'Kernel-Version', type: 'string', priority: 1 },
      { name: 'Container-Runtime', type: 'string', priority: 1 },
    ],
    cells: [
      o.metadata.name,
      status,
      roles.length ? roles.join(',') : '<none>',
      age,
      info.kubeletVersion ?? '',
      address('InternalIP'),
      address('ExternalIP'),
      info.osImage ?? '',
      info.kernelVersion ?? '',
      info.containerRuntimeVersion ?? '',
    ],
  }
}
