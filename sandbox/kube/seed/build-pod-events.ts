// The Warning events kubelet and the scheduler record for failing pods (BackOff, Failed, FailedScheduling,
// Evicted), as core/v1 Events whose involvedObject points at the pod.
import type { KubeObject } from '../types'
import { CONTAINER, type PodSpecInput, type PodState } from './build-pod'
import { buildStableHex, buildStableUid, formatSeedTime } from './seed-random'

/** The Warning events kubelet and the scheduler record for a failing pod (none for healthy ones). */
export function buildPodEvents(pod: KubeObject, p: PodSpecInput): KubeObject[] {
  // Most seeded pods are healthy: skip building every state's message for them (100,000 pods at large scale).
  if (p.state === 'Running' || p.state === 'Completed') return []
  const byState: Partial<Record<PodState, { reason: string; message: string; component: string; count: number }>> = {
    Pending: {
      reason: 'FailedScheduling',
      message: (pod.status as { conditions: { message: string }[] }).conditions[0]?.message ?? '',
      component: 'default-scheduler',
      count: 12,
    },
    CrashLoopBackOff: {
      reason: 'BackOff',
      message: `Back-off restarting failed container ${CONTAINER} in pod ${p.name}_${p.namespace}(${pod.metadata.uid})`,
      component: 'kubelet',
      count: (p.restarts ?? 1) * 4,
    },
    OOMKilled: {
      reason: 'BackOff',
      message: `Back-off restarting failed container ${CONTAINER} in pod ${p.name}_${p.namespace}(${pod.metadata.uid})`,
      component: 'kubelet',
      count: (p.restarts ?? 1) * 4,
    },
    ImagePullBackOff: {
      reason: 'Failed',
      message: `Failed to pull image "${p.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${p.image}": not found`,
      component: 'kubelet',
      count: 30,
    },
    Evicted: {
      reason: 'Evicted',
      message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91412Ki.',
      component: 'kubelet',
      count: 1,
    },
  }
  const e = byState[p.state]
  if (!e) return []
  const name = `${p.name}.${buildStableHex(`${p.namespace}/${p.name}/ev`, 16)}`
  const host = e.component === 'kubelet' ? p.nodeName : undefined
  return [
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name,
        namespace: p.namespace,
        uid: buildStableUid(`${p.namespace}/${name}`),
        creationTimestamp: formatSeedTime(p.ageMinutes - 0.1),
      },
      involvedObject: {
        kind: 'Pod',
        namespace: p.namespace,
        name: p.name,
        uid: pod.metadata.uid,
        apiVersion: 'v1',
        ...(e.component === 'kubelet' ? { fieldPath: `spec.containers{${CONTAINER}}` } : {}),
      },
      reason: e.reason,
      message: e.message,
      source: host ? { component: e.component, host } : { component: e.component },
      firstTimestamp: formatSeedTime(p.ageMinutes - 0.1),
      lastTimestamp: formatSeedTime(1),
      count: e.count,
      type: 'Warning',
      eventTime: null,
      reportingComponent: e.component,
      reportingInstance: host ?? '',
    },
  ]
}
