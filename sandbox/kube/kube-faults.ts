// Injected faults on the Kubernetes side (the `kube` target of the sandbox's fault rules): the same rules the AWS
// endpoint honours, so reliability tests can stall, throttle, fail or drop a cluster's API server too.
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { FaultInjector } from '../core/faults'
import { KubeError } from './kube-error'

/**
 * Applies the fault rules to one request before it is handled: waits the planned latency, then answers the planned
 * failure as kube-apiserver would (429 TooManyRequests with Retry-After, 500 InternalError, 503 ServiceUnavailable) or
 * destroys the socket. Returns true when the request was answered (or dropped) here.
 */
export async function applyKubeFault(
  req: IncomingMessage,
  res: ServerResponse,
  faults: FaultInjector | undefined,
  /** The path the rules see; defaults to the request's own. */
  rulePath?: string,
): Promise<boolean> {
  if (!faults) return false
  const path = safeDecode(rulePath ?? new URL(req.url ?? '/', 'https://sandbox').pathname)
  const plan = faults.planFaults('kube', (req.method ?? 'GET').toUpperCase(), path)
  if (plan.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.delayMs))
  if (!plan.failure) return false
  if (plan.failure.kind === 'drop') {
    req.socket.destroy()
    return true
  }
  const error =
    plan.failure.kind === 'throttle'
      ? new KubeError('TooManyRequests', 'Too many requests, please try again later.')
      : plan.failure.status === 503
        ? new KubeError('ServiceUnavailable', 'the server is currently unable to handle the request')
        : new KubeError('InternalError', 'Internal error occurred: injected fault')
  res.writeHead(error.code, {
    'content-type': 'application/json',
    ...(plan.failure.kind === 'throttle' ? { 'retry-after': '1' } : {}),
  })
  res.end(JSON.stringify(error.toStatus()))
  return true
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}
