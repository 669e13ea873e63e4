import 'server-only'

import { Agent, request } from 'node:https'

import { getUpstreamTimeoutMs } from '@/lib/api/server/upstream-timeout'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { withKubeRetry, type KubeAction } from './kube-clients'
import { ListItemSplitter } from './list-item-splitter'

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

/** Where a successful response body goes as it arrives; `finish` runs after the last byte. */
type BodySink<T> = { write(chunk: Buffer): void; finish(): T }

type Answer<T> = { ok: true; value: T } | { ok: false; status: number; body: string }

function wholeJsonSink<T>(): BodySink<T> {
  const chunks: Buffer[] = []
  return {
    write: (chunk) => void chunks.push(chunk),
    finish: () => JSON.parse(Buffer.concat(chunks).toString('utf8')) as T,
  }
}

function getOnce<T>(
  url: URL,
  agent: Agent,
  token: string,
  sink: BodySink<T>,
  signal?: AbortSignal,
): Promise<Answer<T>> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        agent,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        // An idle timeout, not a deadline: it bounds connecting, the wait for the first byte and any silence between
        // two chunks, but not a large list that keeps arriving. kube-apiserver streams a big page item by item
        // (KEP-5116) and the console parses it as it comes, so a 100,000-Pod scan that is making progress must not be
        // cut off at 15 s, while a server that goes quiet is.
        timeout: getUpstreamTimeoutMs(),
        signal,
      },
      (res) => {
        const status = res.statusCode ?? 0
        const ok = status >= 200 && status < 300
        const errorChunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => {
          if (!ok) return void errorChunks.push(chunk)
          try {
            sink.write(chunk)
          } catch (error) {
            // A malformed body (or a projection that throws) stops reading: the request is torn down and fails.
            req.destroy(error as Error)
          }
        })
        res.on('end', () => {
          try {
            if (ok) resolve({ ok, value: sink.finish() })
            else resolve({ ok, status, body: Buffer.concat(errorChunks).toString('utf8') })
          } catch (error) {
            reject(error)
          }
        })
        res.on('error', reject)
      },
    )
    req.on('timeout', () =>
      req.destroy(
        Object.assign(new Error('the API server did not answer'), {
          name: 'TimeoutError',
          timeoutMs: getUpstreamTimeoutMs(),
        }),
      ),
    )
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(req.reusedSocket && error.code === 'ECONNRESET' ? Object.assign(error, { staleSocket: true }) : error),
    )
    req.end()
  })
}

/**
 * A GET sent on a kept-alive socket the server had just closed fails with ECONNRESET before any answer: sent again
 * once on a fresh socket, as Node's documentation advises for idempotent requests
 * (https://nodejs.org/api/http.html#requestreusedsocket).
 */
export async function getOnFreshSocketIfStale<T>(send: () => Promise<Answer<T>>): Promise<Answer<T>> {
  try {
    return await send()
  } catch (error) {
    if ((error as { staleSocket?: boolean }).staleSocket) return send()
    throw error
  }
}

/**
 * GETs a Kubernetes API path as the console through the same cached endpoint, CA and EKS token as {@link callKube},
 * feeding the body to a fresh sink per attempt, under the same 401 retry and error mapping ({@link withKubeRetry}).
 */
async function getKube<T>(
  ref: ClusterRef,
  action: KubeAction,
  path: string,
  query: Record<string, string | number | undefined>,
  makeSink: () => BodySink<T>,
  signal?: AbortSignal,
): Promise<T> {
  return withKubeRetry(ref, action, async (kube, useEndpoint) => {
    const [connection, { token }] = await Promise.all([kube.getConnection(ref), kube.getToken(ref)])
    useEndpoint(connection.endpoint)
    // The endpoint may carry a path prefix (the sandbox serves each cluster under /clusters/<region>/<name>).
    const url = new URL(connection.endpoint.replace(/\/$/, '') + path)
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value))
    }
    const agent = agentFor(connection.endpoint, connection.caData)
    const answer = await getOnFreshSocketIfStale(() => getOnce(url, agent, token, makeSink(), signal))
    if (answer.ok) return answer.value
    // The shape toKubeConsoleError reads from client-node's ApiException: numeric code + Status body.
    throw { code: answer.status, body: answer.body }
  })
}

/**
 * GETs a Kubernetes API path as the console and returns the parsed JSON. It skips @kubernetes/client-node's model
 * deserialization, which costs more than the request itself on a 500-Pod page.
 */
export function getKubeJson<T>(
  ref: ClusterRef,
  action: KubeAction,
  path: string,
  query: Record<string, string | number | undefined> = {},
  signal?: AbortSignal,
): Promise<T> {
  return getKube(ref, action, path, query, () => wholeJsonSink<T>(), signal)
}

/**
 * Lists one page of a Kubernetes collection, projecting each item as it arrives: items are parsed and projected
 * while the rest of the page is still on its way, and the full objects are dropped as soon as they are projected,
 * so a 500-Pod page never exists as one parsed tree on the console's server.
 */
export function listKubeItems<Raw, Row>(
  ref: ClusterRef,
  action: KubeAction,
  path: string,
  query: Record<string, string | number | undefined>,
  project: (item: Raw) => Row,
): Promise<KubeListJson<Row>> {
  return getKube(ref, action, path, query, () => {
    const items: Row[] = []
    const splitter = new ListItemSplitter((item) => items.push(project(item as Raw)))
    return {
      write: (chunk) => splitter.push(chunk),
      finish: () => ({ metadata: splitter.end().metadata as KubeListJson<Row>['metadata'], items }),
    }
  })
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
