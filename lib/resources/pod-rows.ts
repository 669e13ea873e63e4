import type { ContainerStateJson, ContainerStatusJson, PodJson } from './kube-json'
import { buildMetaFields } from './object-yaml'
import { countContainers, derivePodStatus } from './pod-status'
import type { PodDetail, PodRow } from './resource-dto'

/** Projects a Pod to the row the table shows (a few hundred bytes instead of the ~3 KB object). */
export function projectPodRow(pod: PodJson): PodRow {
  const counts = countContainers(pod.status?.containerStatuses, pod.spec?.containers?.length ?? 0)
  return {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    status: derivePodStatus(pod),
    phase: pod.status?.phase ?? 'Unknown',
    ready: counts.ready,
    containers: counts.total,
    restarts: counts.restarts,
    node: pod.spec?.nodeName ?? null,
    ip: pod.status?.podIP ?? null,
    createdAt: pod.metadata?.creationTimestamp ?? null,
    serviceAccount: pod.spec?.serviceAccountName ?? null,
  }
}

function describeState(state: ContainerStateJson | undefined): string {
  if (state?.running) return 'Running'
  if (state?.waiting) return `Waiting: ${state.waiting.reason ?? 'unknown reason'}`
  if (state?.terminated) {
    const t = state.terminated
    return `Terminated: ${t.reason ?? 'exit'} (exit code ${t.exitCode ?? '?'})`
  }
  return 'Not started'
}

function projectContainer(
  spec: { name?: string; image?: string },
  status: ContainerStatusJson | undefined,
  init: boolean,
) {
  return {
    name: spec.name ?? status?.name ?? '',
    image: spec.image ?? status?.image ?? '',
    init,
    ready: status?.ready ?? false,
    restarts: status?.restartCount ?? 0,
    state: describeState(status?.state),
    lastTermination: status?.lastState?.terminated ? describeState(status.lastState) : null,
  }
}

/** The first message that explains a Pod that is not running: eviction, scheduler, or a waiting container. */
function explainPod(pod: PodJson): string | null {
  const s = pod.status
  if (s?.message) return s.message
  const unscheduled = s?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False')
  if (unscheduled?.message) return unscheduled.message
  for (const c of [...(s?.initContainerStatuses ?? []), ...(s?.containerStatuses ?? [])]) {
    if (c.state?.waiting?.message) return c.state.waiting.message
    if (c.state?.terminated?.message) return c.state.terminated.message
  }
  return null
}

/** Projects a Pod to the detail view: key facts, containers, conditions, labels, annotations and YAML. */
export function projectPodDetail(pod: PodJson): PodDetail {
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((c) => [c.name, c]))
  const initStatuses = new Map((pod.status?.initContainerStatuses ?? []).map((c) => [c.name, c]))
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller) ?? pod.metadata?.ownerReferences?.[0]
  return {
    ...buildMetaFields(pod),
    row: projectPodRow(pod),
    owner: owner?.kind && owner.name ? { kind: owner.kind, name: owner.name } : null,
    hostIP: pod.status?.hostIP ?? null,
    qosClass: pod.status?.qosClass ?? null,
    message: explainPod(pod),
    containers: [
      ...(pod.spec?.initContainers ?? []).map((c) => projectContainer(c, initStatuses.get(c.name), true)),
      ...(pod.spec?.containers ?? []).map((c) => projectContainer(c, statuses.get(c.name), false)),
    ],
    conditions: (pod.status?.conditions ?? []).map((c) => ({
      type: c.type ?? '',
      status: c.status ?? '',
      reason: c.reason ?? null,
    })),
  }
}
