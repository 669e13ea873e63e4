// The HTTP plumbing of the Kubernetes API server: request bodies (size-capped JSON), writing results (streamed lists,
// watch streams, Status bodies) and the authorizer attributes of a parsed request path.
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { HandlerResult } from './handler-types'
import { KubeError } from './kube-error'
import { resolveVerb, type ParsedPath } from './request-path'
import { isStreamableList, writeStreamedList } from './streamed-list'
import type { RequestAttributes } from './types'

const MAX_BODY = 3 * 1024 * 1024

/** Reads a request body (at most 3 MiB, as kube-apiserver's limit). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw new KubeError('BadRequest', 'request entity too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Parses a JSON body; an empty body is undefined. */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined
  try {
    return JSON.parse(raw.toString('utf8'))
  } catch {
    throw new KubeError(
      'BadRequest',
      'the request body is not valid JSON (the sandbox accepts JSON only, not YAML or protobuf)',
    )
  }
}

/** Writes a handler result: a stream, a streamed list, or a JSON/text body. */
export function send(res: ServerResponse, result: HandlerResult): void {
  if (result.stream) return result.stream(res)
  const json = result.contentType === undefined || result.contentType === 'application/json'
  if (json && isStreamableList(result.body)) {
    writeStreamedList(res, result.status, result.body).catch((error: unknown) => res.destroy(error as Error))
    return
  }
  const isText = typeof result.body === 'string'
  const body = isText ? (result.body as string) : JSON.stringify(result.body)
  res.writeHead(result.status, {
    'content-type': result.contentType ?? 'application/json',
    'cache-control': 'no-cache, private',
  })
  res.end(body)
}

/** The authorizer attributes of a request. */
export function toAttributes(parsed: ParsedPath, method: string, watch: boolean): RequestAttributes {
  if (parsed.kind === 'nonResource')
    return {
      kind: 'nonResource',
      verb: method === 'GET' || method === 'HEAD' ? 'get' : method.toLowerCase(),
      path: parsed.path,
    }
  // `namespaces/<ns>` names the Namespace itself: authorize it as a cluster-scoped object with that name.
  return {
    kind: 'resource',
    verb: resolveVerb(method, parsed.name !== undefined, watch),
    apiGroup: parsed.group,
    resource: parsed.resource,
    subresource: parsed.subresource,
    namespace: parsed.resource === 'namespaces' ? parsed.name : parsed.namespace,
    name: parsed.name,
  }
}
