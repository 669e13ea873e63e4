import 'server-only'

import { randomUUID } from 'node:crypto'

import type { AccessEntriesLine } from '@/lib/access/access-entries-stream'
import { isConsoleError } from '@/lib/api/console-error'
import { logServerError } from '@/lib/api/server/log-server-error'

import { loadAccessEntriesPage, type AccessEntriesHead } from './list-access-entries'

/**
 * The access page as NDJSON: the first screen of entries reaches the browser while the other ~950 are still being
 * described. A failure before the head (no such cluster, no permission) throws, so the route answers it with its
 * usual status; a failure after it ends the stream with an `error` line, never a silently short list.
 */
export async function streamAccessEntriesPage(region: string, cluster: string, fresh: boolean): Promise<Response> {
  const encoder = new TextEncoder()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) })
  const send = (line: AccessEntriesLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`))
  let headSent: (head: AccessEntriesHead) => void = () => undefined
  const head = new Promise<AccessEntriesHead>((resolve) => (headSent = resolve))
  const load = loadAccessEntriesPage(region, cluster, {
    fresh,
    onHead: (h) => {
      send({ kind: 'head', head: h })
      headSent(h)
    },
    onEntries: ({ entries, listed }) => {
      if (entries.length > 0) send({ kind: 'entries', entries, listed })
    },
  })
  // Before the head nothing was sent: let the route answer the error with its status.
  await Promise.race([head, load.then(() => head)])
  load
    .then(
      (page) => send({ kind: 'page', page }),
      (error: unknown) => send({ kind: 'error', error: describeFailure(error, region, cluster) }),
    )
    .finally(() => controller.close())
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' } })
}

function describeFailure(error: unknown, region: string, cluster: string) {
  if (isConsoleError(error)) return { code: error.code, message: error.message }
  const reference = randomUUID().slice(0, 8)
  logServerError(reference, `GET access-entries stream ${region}/${cluster}`, error)
  return { code: 'internal', message: `Something went wrong on the console's server (reference ${reference}).` }
}
