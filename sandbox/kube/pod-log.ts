// GET pods/{name}/log: a few plausible lines per pod state, so `kubectl logs` and the console have something to show.
import { KubeError } from './kube-error'
import type { KubeObject } from './types'

/** Builds a pod's log text; a pod that never started has no logs (400 like kubelet's "waiting to start"). */
export function buildPodLog(pod: KubeObject, query: URLSearchParams): string {
  const status = pod.status as
    { phase?: string; containerStatuses?: { name: string; state?: { waiting?: { reason?: string } } }[] } | undefined
  const container = query.get('container') ?? status?.containerStatuses?.[0]?.name ?? 'app'
  const waiting = status?.containerStatuses?.find((c) => c.name === container)?.state?.waiting?.reason
  if (status?.phase === 'Pending' || waiting === 'ImagePullBackOff' || waiting === 'ErrImagePull') {
    throw new KubeError(
      'BadRequest',
      `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${waiting ?? 'ContainerCreating'}`,
    )
  }
  const lines = [
    `${pod.metadata.creationTimestamp ?? ''} INFO starting ${pod.metadata.name}`,
    `${pod.metadata.creationTimestamp ?? ''} INFO loaded configuration from /etc/app/config.yaml`,
  ]
  if (waiting === 'CrashLoopBackOff')
    lines.push(
      `${pod.metadata.creationTimestamp ?? ''} ERROR fatal: AccessDenied: not authorized to perform sts:AssumeRoleWithWebIdentity`,
    )
  else lines.push(`${pod.metadata.creationTimestamp ?? ''} INFO ready`)
  const tail = Number(query.get('tailLines') ?? '0')
  return `${(tail > 0 ? lines.slice(-tail) : lines).join('\n')}\n`
}
