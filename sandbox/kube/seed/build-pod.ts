// Pods in every state a person meets, with the status fields kubectl and the console read (phase, conditions,
// containerStatuses with restartCount/state/lastState, reason for Evicted) and the events kubelet/scheduler emit.
import type { KubeObject } from '../types'
import { buildStableHex, buildStableUid, formatSeedTime } from './seed-random'

export type PodState =
  'Running' | 'Pending' | 'CrashLoopBackOff' | 'ImagePullBackOff' | 'Completed' | 'Evicted' | 'OOMKilled'

export interface PodSpecInput {
  namespace: string
  name: string
  state: PodState
  image: string
  nodeName?: string | undefined
  serviceAccountName?: string | undefined
  labels?: Record<string, string>
  restarts?: number
  /** Minutes before the seed clock. */
  ageMinutes: number
  podIP?: string | undefined
  hostIP?: string | undefined
  owner?: { kind: string; name: string }
  /** Nodes in the cluster, for the scheduler's FailedScheduling message. */
  clusterNodeCount?: number
}

/** Every seeded pod runs one container with this name. */
export const CONTAINER = 'app'
const imageIds = new Map<string, string>()

const ownerUids = new Map<string, string>()

function buildOwnerUid(key: string): string {
  let uid = ownerUids.get(key)
  if (!uid) {
    uid = buildStableUid(key)
    if (ownerUids.size < 50_000) ownerUids.set(key, uid)
  }
  return uid
}

/** `<repo>@sha256:<digest>`, memoized per image (thousands of pods share one). */
function formatImageId(image: string): string {
  let id = imageIds.get(image)
  if (!id) {
    id = `${image.split(':')[0]}@sha256:${buildStableHex(image, 64)}`
    imageIds.set(image, id)
  }
  return id
}

/** Derived from the pod UID rather than hashed again (seeding 100,000 pods must stay fast). */
function formatContainerId(uid: string): string {
  const hex = uid.slice(0, 8) + uid.slice(9, 13) + uid.slice(14, 18) + uid.slice(19, 23) + uid.slice(24)
  return `containerd://${hex}${hex}`
}

function buildContainerStatus(p: PodSpecInput, startedAt: string, uid: string): Record<string, unknown> {
  if (p.state === 'Running') {
    // The common case, as one literal (no spread): seeding 100,000 pods must stay fast.
    return {
      name: CONTAINER,
      image: p.image,
      imageID: formatImageId(p.image),
      restartCount: p.restarts ?? 0,
      ready: true,
      started: true,
      containerID: formatContainerId(uid),
      state: { running: { startedAt } },
    }
  }
  const base = {
    name: CONTAINER,
    image: p.image,
    imageID: '',
    restartCount: p.restarts ?? 0,
    ready: false,
    started: false,
  }
  const containerID = formatContainerId(uid)
  const imageID = formatImageId(p.image)
  switch (p.state) {
    case 'CrashLoopBackOff':
    case 'OOMKilled':
      return {
        ...base,
        imageID,
        containerID,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off 5m0s restarting failed container=${CONTAINER} pod=${p.name}_${p.namespace}(${uid})`,
          },
        },
        lastState: {
          terminated: {
            exitCode: p.state === 'OOMKilled' ? 137 : 1,
            reason: p.state === 'OOMKilled' ? 'OOMKilled' : 'Error',
            startedAt: formatSeedTime(7),
            finishedAt: formatSeedTime(6.5),
            containerID,
          },
        },
      }
    case 'ImagePullBackOff':
      return {
        ...base,
        state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${p.image}"` } },
      }
    case 'Completed':
      return {
        ...base,
        imageID,
        containerID,
        state: {
          terminated: {
            exitCode: 0,
            reason: 'Completed',
            startedAt,
            finishedAt: formatSeedTime(p.ageMinutes - 2),
            containerID,
          },
        },
      }
    case 'Evicted':
      return {
        ...base,
        imageID,
        state: {
          terminated: {
            exitCode: 137,
            reason: 'ContainerStatusUnknown',
            message: 'The container could not be located when the pod was terminated',
            startedAt,
            finishedAt: formatSeedTime(p.ageMinutes / 2),
          },
        },
      }
    case 'Pending':
      return base
  }
}

function buildStatus(p: PodSpecInput, uid: string): Record<string, unknown> {
  const created = formatSeedTime(p.ageMinutes)
  const started = formatSeedTime(p.ageMinutes - 0.2)
  if (p.state === 'Pending') {
    const n = p.clusterNodeCount ?? 3
    return {
      phase: 'Pending',
      qosClass: 'Burstable',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: created,
          reason: 'Unschedulable',
          message: `0/${n} nodes are available: ${n} Insufficient memory. preemption: 0/${n} nodes are available: ${n} No preemption victims found for incoming pod.`,
        },
      ],
    }
  }
  const ready = p.state === 'Running' ? 'True' : 'False'
  const phase =
    p.state === 'Completed'
      ? 'Succeeded'
      : p.state === 'Evicted'
        ? 'Failed'
        : p.state === 'ImagePullBackOff'
          ? 'Pending'
          : 'Running'
  const status: Record<string, unknown> = {
    phase,
    qosClass: 'Burstable',
    hostIP: p.hostIP,
    podIP: p.podIP,
    podIPs: p.podIP ? [{ ip: p.podIP }] : undefined,
    startTime: started,
    conditions: [
      {
        type: 'PodReadyToStartContainers',
        status: p.state === 'Evicted' ? 'False' : 'True',
        lastProbeTime: null,
        lastTransitionTime: started,
      },
      { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: started },
      {
        type: 'Ready',
        status: ready,
        lastProbeTime: null,
        lastTransitionTime: started,
        ...(ready === 'False' ? { reason: p.state === 'Completed' ? 'PodCompleted' : 'ContainersNotReady' } : {}),
      },
      { type: 'ContainersReady', status: ready, lastProbeTime: null, lastTransitionTime: started },
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: created },
    ],
    containerStatuses: [buildContainerStatus(p, started, uid)],
  }
  if (p.state === 'Evicted') {
    status.reason = 'Evicted'
    status.message =
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91412Ki. Container app was using 1532100Ki, request is 512Mi, has larger consumption of memory.'
  }
  return status
}

/** Builds a seeded Pod object. */
export function buildPod(p: PodSpecInput): KubeObject {
  const metadata: KubeObject['metadata'] = {
    name: p.name,
    namespace: p.namespace,
    uid: buildStableUid(`${p.namespace}/${p.name}`),
    creationTimestamp: formatSeedTime(p.ageMinutes),
    labels: p.labels ?? {},
  }
  if (p.owner)
    metadata.ownerReferences = [
      {
        apiVersion: p.owner.kind === 'Job' ? 'batch/v1' : 'apps/v1',
        kind: p.owner.kind,
        name: p.owner.name,
        uid: buildOwnerUid(`${p.namespace}/${p.owner.kind}/${p.owner.name}`),
        controller: true,
        blockOwnerDeletion: true,
      },
    ]
  const spec: Record<string, unknown> = {
    containers: [
      {
        name: CONTAINER,
        image: p.image,
        resources: { requests: { cpu: '100m', memory: '128Mi' } },
        imagePullPolicy: 'IfNotPresent',
      },
    ],
    restartPolicy: p.state === 'Completed' ? 'OnFailure' : 'Always',
    serviceAccountName: p.serviceAccountName ?? 'default',
    schedulerName: 'default-scheduler',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
  }
  if (p.nodeName && p.state !== 'Pending') spec.nodeName = p.nodeName
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec, status: buildStatus(p, metadata.uid ?? '') }
}
