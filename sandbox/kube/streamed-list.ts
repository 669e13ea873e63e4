// Streaming JSON encoding of list responses, as kube-apiserver does since 1.33 (KEP-5116, stable in 1.34): the
// envelope first, then the items one by one, so a client can start on the first items while the server is still
// encoding the rest, and the server never holds the whole encoded list at once.
import type { ServerResponse } from 'node:http'

/** A list body as handleList builds it: `kind`, `apiVersion`, `metadata`, then `items`. */
export type ListBody = { kind: string; items: unknown[] } & Record<string, unknown>

// Bytes encoded between flushes: large enough that yielding costs nothing, small enough that the first items
// reach the client long before the last ones are encoded.
const FLUSH_AT = 32 * 1024

/** True for a JSON list response worth streaming (a Table or Status goes out in one piece). */
export function isStreamableList(body: unknown): body is ListBody {
  if (!body || typeof body !== 'object') return false
  const { kind, items } = body as { kind?: unknown; items?: unknown }
  return typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items)
}

// Node's ServerResponse corks the socket until the next tick, so a synchronous loop of writes would still leave
// as one burst; yielding to the event loop between batches lets each batch go out while the next one is encoded.
function flush(res: ServerResponse, chunk: string): Promise<void> {
  const drained = res.write(chunk)
  return new Promise((resolve) => (drained ? setImmediate(resolve) : res.once('drain', resolve)))
}

/** Writes a list with chunked transfer encoding: `{"kind":…,"metadata":{…},"items":[` item, item, … `]}`. */
export async function writeStreamedList(res: ServerResponse, status: number, list: ListBody): Promise<void> {
  const { items, ...envelope } = list
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-cache, private' })
  let pending = `${JSON.stringify(envelope).slice(0, -1)},"items":[`
  for (let i = 0; i < items.length; i++) {
    if (res.destroyed) return
    pending += (i === 0 ? '' : ',') + JSON.stringify(items[i])
    if (pending.length >= FLUSH_AT) {
      await flush(res, pending)
      pending = ''
    }
  }
  res.end(`${pending}]}`)
}
