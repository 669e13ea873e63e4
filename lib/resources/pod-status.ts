import type { ContainerStatusJson, PodJson } from './kube-json'

/**
 * kubectl's STATUS column for a Pod (kubernetes/pkg/printers/internalversion printPod), plus "Unschedulable" for a
 * Pending Pod the scheduler could not place (PodScheduled=False, reason Unschedulable) — the reason people look for.
 */
export function derivePodStatus(pod: PodJson): string {
  const status = pod.status ?? {}
  let reason = status.reason || status.phase || 'Unknown'
  if (status.phase === 'Pending') {
    const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled')
    if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') reason = 'Unschedulable'
  }

  let initializing = false
  const inits = status.initContainerStatuses ?? []
  const initTotal = pod.spec?.initContainers?.length ?? inits.length
  for (const [i, c] of inits.entries()) {
    const terminated = c.state?.terminated
    if (terminated && terminated.exitCode === 0) continue
    initializing = true
    if (terminated) {
      reason = terminated.reason
        ? `Init:${terminated.reason}`
        : terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode ?? 0}`
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`
    } else {
      reason = `Init:${i}/${initTotal}`
    }
    break
  }

  if (!initializing) {
    let hasRunning = false
    // kubectl walks containers from last to first, so the first container's problem wins.
    const containers = [...(status.containerStatuses ?? [])].reverse()
    for (const c of containers) {
      const state = c.state ?? {}
      if (state.waiting?.reason) reason = state.waiting.reason
      else if (state.terminated?.reason) reason = state.terminated.reason
      else if (state.terminated) {
        reason = state.terminated.signal
          ? `Signal:${state.terminated.signal}`
          : `ExitCode:${state.terminated.exitCode ?? 0}`
      } else if (c.ready && state.running) hasRunning = true
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
      reason = ready ? 'Running' : 'NotReady'
    }
  }

  if (pod.metadata?.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating'
  return reason
}

/** The colour a status reads as: healthy, done, waiting or failing. */
export function podStatusTone(status: string): 'green' | 'neutral' | 'amber' | 'red' {
  if (status === 'Running') return 'green'
  if (status === 'Completed' || status === 'Succeeded') return 'neutral'
  if (['Pending', 'ContainerCreating', 'PodInitializing', 'Terminating', 'NotReady'].includes(status)) return 'amber'
  if (status.startsWith('Init:') && /^Init:\d+\/\d+$/.test(status)) return 'amber'
  return 'red'
}

/** Ready containers, all containers and restarts summed (kubectl's READY and RESTARTS columns). */
export function countContainers(statuses: ContainerStatusJson[] | undefined, specCount: number) {
  let ready = 0
  let restarts = 0
  for (const c of statuses ?? []) {
    if (c.ready) ready++
    restarts += c.restartCount ?? 0
  }
  return { ready, total: Math.max(specCount, statuses?.length ?? 0), restarts }
}
