import 'server-only'

import { randomUUID } from 'node:crypto'

import type { AccessEntriesLine } from '@/lib/access/access-entries-stream'
import { isConsoleError } from '@/lib/api/console-error'
import { logServerError } from '@/lib/api/server/log-server-error'

import { followLoad, type LineSink } from './access-entries-relay'
import { loadAccessEntriesPage } from './list-access-entries'

/**
 * The access page as NDJSON: the first screen of entries reaches the browser while the other ~950 are still being
 * described. Unless `fresh`, it follows the load the page's first screen started, when one is in flight
 * (access-entries-relay.ts), else it loads. A failure before the head (no such cluster, no permission) throws, so the
 * route answers it with its usual status; a failure after it ends the stream with an `error` line, never a silently
 * short list.
 */
export async function streamAccessEntriesPage(region: string, cluster: string, fresh: boolean): Promise<Response> {
  const encoder = new TextEncoder()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  let open = true
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    // The browser went away: stop writing (the load goes on until it ends; its calls are cached).
    cancel: () => {
      open = false
    },
  })
  const send = (line: AccessEntriesLine) => {
    if (open) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`))
  }
  const close = () => {
    if (open) controller.close()
    open = false
  }
  let headSent = false
  let settleHead!: (outcome: { ok: true } | { ok: false; error: unknown }) => void
  const head = new Promise<{ ok: true } | { ok: false; error: unknown }>((resolve) => (settleHead = resolve))
  const sink: LineSink = {
    line(line) {
      send(line)
      if (line.kind === 'head') {
        headSent = true
        settleHead({ ok: true })
      }
      if (line.kind === 'page') close()
    },
    fail(error) {
      // Before the head nothing was sent: the route answers the error with its status.
      if (!headSent) return settleHead({ ok: false, error })
      send({ kind: 'error', error: describeFailure(error, region, cluster) })
      close()
    },
  }
  if (fresh || !followLoad(region, cluster, sink)) {
    loadAccessEntriesPage(region, cluster, {
      fresh,
      onHead: (h) => sink.line({ kind: 'head', head: h }),
      onEntries: ({ entries, listed }) => {
        if (entries.length > 0) sink.line({ kind: 'entries', entries, listed })
      },
    }).then((page) => sink.line({ kind: 'page', page }), sink.fail)
  }
  const outcome = await head
  if (!outcome.ok) throw outcome.error
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' } })
}

function describeFailure(error: unknown, region: string, cluster: string) {
  if (isConsoleError(error)) return { code: error.code, message: error.message }
  const reference = randomUUID().slice(0, 8)
  logServerError(reference, `GET access-entries stream ${region}/${cluster}`, error)
  return { code: 'internal', message: `Something went wrong on the console's server (reference ${reference}).` }
}
