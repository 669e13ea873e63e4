import 'server-only'

import { Agent, request } from 'node:https'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { getKubeConnector, type KubeAction } from './kube-clients'
import { toKubeConsoleError } from './kube-errors'

// Same bound as callKube: a silent API server should fail a page in seconds.
const CALL_TIMEOUT_MS = 15_000

// One keep-alive agent per endpoint + CA: list pages reuse the TLS session instead of a handshake per page.
const agents = new Map<string, Agent>()

function agentFor(endpoint: string, caData: string): Agent {
  const key = `${endpoint}\n${caData}`
  let agent = agents.get(key)
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: 32, ca: Buffer.from(caData, 'base64').toString('utf8') })
    agents.set(key, agent)
  }
  return agent
}

type RawAnswer = { status: number; body: string }

function getOnce(url: URL, agent: Agent, token: string, signal?: AbortSignal): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        agent,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        timeout: CALL_TIMEOUT_MS,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('the API server did not answer'), { name: 'TimeoutError' })),
    )
    req.on('error', reject)
    req.end()
  })
}

/**
 * GETs a Kubernetes API path as the console and returns the parsed JSON, through the same cached endpoint, CA and EKS
 * token as {@link callKube}. It skips @kubernetes/client-node's model deserialization, which costs more than the
 * request itself on a 500-Pod page; callers project the plain JSON to the few fields they show. Failures become
 * ConsoleErrors naming `action` (a 403 keeps verb, resource and namespace), and a 401 is retried once with a fresh
 * DescribeCluster and token.
 */
export async function getKubeJson<T>(
  ref: ClusterRef,
  action: KubeAction,
  path: string,
  query: Record<string, string | number | undefined> = {},
  signal?: AbortSignal,
): Promise<T> {
  const kube = getKubeConnector()
  let endpoint = ''
  for (let attempt = 0; ; attempt++) {
    try {
      const [connection, { token }] = await Promise.all([kube.getConnection(ref), kube.getToken(ref)])
      endpoint = connection.endpoint
      // The endpoint may carry a path prefix (the sandbox serves each cluster under /clusters/<region>/<name>).
      const url = new URL(connection.endpoint.replace(/\/$/, '') + path)
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') url.searchParams.set(key, String(value))
      }
      const answer = await getOnce(url, agentFor(connection.endpoint, connection.caData), token, signal)
      if (answer.status >= 200 && answer.status < 300) return JSON.parse(answer.body) as T
      // The shape toKubeConsoleError reads from client-node's ApiException: numeric code + Status body.
      throw { code: answer.status, body: answer.body }
    } catch (error) {
      const unauthorized = (error as { code?: unknown } | null)?.code === 401
      if (unauthorized && attempt === 0) {
        kube.invalidate(ref)
        continue
      }
      throw toKubeConsoleError(error, { cluster: ref.name, endpoint, ...action })
    }
  }
}

/** A Kubernetes list body as the API server sends it (`metadata.continue`, `remainingItemCount`). */
export type KubeListJson<T> = {
  items: T[]
  metadata?: { continue?: string; remainingItemCount?: number; resourceVersion?: string }
}

/** The API path of a core/v1 collection, optionally in one namespace: `/api/v1/namespaces/a/pods`. */
export function coreCollectionPath(resource: string, namespace?: string): string {
  return namespace ? `/api/v1/namespaces/${encodeURIComponent(namespace)}/${resource}` : `/api/v1/${resource}`
}
