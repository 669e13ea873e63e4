import 'server-only'

import { ConsoleError } from '@/lib/api/console-error'
import { formatUpstreamTimeout, getUpstreamTimeoutMs } from '@/lib/api/server/upstream-timeout'

import {
  describeAlreadyExists,
  describeEscalationRefusal,
  describePreconditionConflict,
} from './kube-conflict-messages'

/** What the console was doing when a Kubernetes call failed, so the message can name it. */
export type KubeCallContext = {
  cluster: string
  /** The API server URL (DescribeCluster `endpoint`). */
  endpoint: string
  /** e.g. `list` */
  verb?: string
  /** e.g. `pods` (plural resource, as RBAC names it) */
  resource?: string
  /** API group; '' or undefined is the core group. */
  group?: string
  namespace?: string
  name?: string
}

/** A Kubernetes `Status` object (the body of every API error). */
type KubeStatus = {
  message?: string
  reason?: string
  code?: number
  details?: { name?: string; group?: string; kind?: string }
}

type ErrorLike = {
  code?: unknown
  body?: unknown
  name?: unknown
  message?: unknown
  type?: unknown
  errors?: unknown
  timeoutMs?: unknown
}

// Node socket codes meaning "nothing answered" (node-fetch, under client-node 1.4, passes them through as `code`).
const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'EAI_AGAIN'])
// Certificate failures: the server is not the one the cluster's certificateAuthority vouches for.
const tlsCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
])

function parseStatus(body: unknown): KubeStatus | undefined {
  if (typeof body === 'string') {
    try {
      return parseStatus(JSON.parse(body))
    } catch {
      return body.length > 0 ? { message: body } : undefined
    }
  }
  return typeof body === 'object' && body !== null ? (body as KubeStatus) : undefined
}

function socketCode(error: ErrorLike): string | undefined {
  if (typeof error.code === 'string') return error.code
  if (Array.isArray(error.errors)) {
    for (const inner of error.errors as ErrorLike[]) {
      const code = socketCode(inner)
      if (code) return code
    }
  }
  return undefined
}

/** "list pods in namespace team-a" / "get clusterroles/admin" — the action in words, from the call or the Status. */
export function describeKubeAction(action: {
  verb?: string
  resource?: string
  group?: string
  namespace?: string
  name?: string
}): string {
  const resource = action.resource ? `${action.resource}${action.group ? `.${action.group}` : ''}` : 'this resource'
  const target = action.name ? `${resource}/${action.name}` : resource
  const where = action.namespace ? ` in namespace ${action.namespace}` : action.resource ? ' across the cluster' : ''
  return `${action.verb ?? 'access'} ${target}${where}`
}

/**
 * Turns a failed @kubernetes/client-node call (ApiException with `.code` and a Status `.body`, or a socket/TLS error)
 * into a {@link ConsoleError}. A 403 keeps verb, resource, group, namespace and name in `detail` so the UI can say
 * "the console's role cannot list pods in namespace team-a".
 */
export function toKubeConsoleError(error: unknown, context: KubeCallContext): ConsoleError {
  if (error instanceof ConsoleError) return error
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike
  const options = { cause: error }
  const where = `the cluster ${context.cluster}`

  if (typeof e.code === 'number') {
    const status = parseStatus(e.body)
    const kubeMessage = status?.message ?? `HTTP ${e.code}`
    const detail = {
      status: e.code,
      reason: status?.reason ?? null,
      verb: context.verb ?? null,
      resource: context.resource ?? status?.details?.kind ?? null,
      group: context.group ?? status?.details?.group ?? null,
      namespace: context.namespace ?? null,
      name: context.name ?? status?.details?.name ?? null,
      kubernetesMessage: kubeMessage,
    }
    switch (e.code) {
      case 401:
        // EKS answers 401 when the token does not map to a Kubernetes identity: no access entry / aws-auth mapping for
        // the console's principal, or a token STS refused (docs/eks-token-and-kubeconfig.md#verifying-a-token, authenticator Verify).
        return new ConsoleError(
          'kubernetes_unauthorized',
          `${capitalize(where)} did not accept the console's credentials (401 Unauthorized). Give the console's IAM ` +
            `principal an access entry (or an aws-auth mapping) on this cluster.`,
          { ...options, detail },
        )
      case 403: {
        const escalation = describeEscalationRefusal(kubeMessage, context.cluster, context.verb)
        if (escalation)
          return new ConsoleError('kubernetes_forbidden', escalation, {
            ...options,
            detail: { ...detail, escalation: true },
          })
        return new ConsoleError(
          'kubernetes_forbidden',
          `The console's role cannot ${describeKubeAction({
            verb: context.verb,
            resource: detail.resource ?? undefined,
            group: detail.group ?? undefined,
            namespace: context.namespace,
            name: detail.name ?? undefined,
          })} on ${context.cluster}. Kubernetes said: ${kubeMessage}`,
          { ...options, detail },
        )
      }
      case 404:
        return new ConsoleError('not_found', `${kubeMessage} (${where})`, { ...options, detail })
      case 409: {
        const resource = detail.resource ? `${detail.resource}${detail.group ? `.${detail.group}` : ''}` : 'the object'
        const target = detail.name ? `${resource}/${detail.name}` : resource
        const inNamespace = context.namespace ? ` in namespace ${context.namespace}` : ''
        const changed = describePreconditionConflict(kubeMessage, `${target}${inNamespace}`)
        if (changed) return new ConsoleError('conflict', changed, { ...options, detail })
        if (status?.reason === 'AlreadyExists') {
          return new ConsoleError('conflict', describeAlreadyExists(target, inNamespace, context.cluster), {
            ...options,
            detail,
          })
        }
        return new ConsoleError('conflict', `${kubeMessage} (${where})`, { ...options, detail })
      }
      case 400:
      case 422:
        return new ConsoleError('bad_request', `${where} rejected the request: ${kubeMessage}`, { ...options, detail })
      case 429:
        return new ConsoleError('throttled', `${capitalize(where)} is throttling the console's requests. Try again.`, {
          ...options,
          detail,
        })
    }
    const code = e.code >= 500 ? 'upstream_unavailable' : 'upstream_error'
    return new ConsoleError(code, `${capitalize(where)}'s API server answered ${e.code}: ${kubeMessage}`, {
      ...options,
      detail,
    })
  }

  const code = socketCode(e)
  if (code && tlsCodes.has(code)) {
    return new ConsoleError(
      'upstream_error',
      `The API server ${context.endpoint} presented a certificate that the cluster's certificate authority ` +
        `(DescribeCluster certificateAuthority.data) does not vouch for [${code}].`,
      { ...options, detail: { endpoint: context.endpoint, code } },
    )
  }
  // kube-raw's idle timeout (TimeoutError) or the per-request abort signal client-node's node-fetch honours (AbortError).
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    const waited = formatUpstreamTimeout(typeof e.timeoutMs === 'number' ? e.timeoutMs : getUpstreamTimeoutMs())
    const doing = context.verb || context.resource ? ` (${describeKubeAction(context)})` : ''
    return new ConsoleError(
      'upstream_timeout',
      `${capitalize(where)}'s Kubernetes API did not answer within ${waited}${doing}. Try again; if it keeps ` +
        `happening, check that the API server ${context.endpoint} is healthy and reachable from the console's server.`,
      { ...options, detail: { endpoint: context.endpoint, code: 'timeout' } },
    )
  }
  if (code && networkCodes.has(code)) {
    return new ConsoleError(
      'upstream_unreachable',
      `Cannot reach the cluster's API server ${context.endpoint} [${code}]. Check that the endpoint is ` +
        `reachable from the console's server (public access, or the console runs inside the VPC).`,
      { ...options, detail: { endpoint: context.endpoint, code } },
    )
  }
  if (error instanceof SyntaxError) {
    // A body cut short or not JSON: a proxy in front of the API server, or a connection dropped mid-list.
    return new ConsoleError(
      'upstream_error',
      `${capitalize(where)}'s API server sent an answer the console could not read (${error.message}). Try again.`,
      options,
    )
  }
  const message = typeof e.message === 'string' ? e.message : String(error)
  return new ConsoleError('internal', `Calling ${where}'s Kubernetes API failed unexpectedly: ${message}`, options)
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
