// WATCH (`?watch=true` on a list or object URL), as kube-apiserver serves it
// (https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes): newline-delimited
// JSON events `{"type":"ADDED|MODIFIED|DELETED|BOOKMARK|ERROR","object":…}` on a chunked 200 response.
// - no `resourceVersion` or "0": synthetic ADDED events for what exists now, then every change;
// - `resourceVersion=N`: every change after N; N older than the retained window → one ERROR event carrying a
//   410 `Expired` Status (HTTP 200, as upstream's watch cache answers after authorization);
// - label/field selectors apply to events: an object that stops matching is DELETED, one that starts matching ADDED;
// - a resourceVersion beyond the current one → an ERROR event with upstream's 504 ResourceVersionTooLarge Status;
// - the stream ends when the cluster's state is replaced (sandbox reset), so clients list again;
// - `allowWatchBookmarks=true`: BOOKMARK events (the kind, apiVersion and current resourceVersion only) periodically
//   and just before the watch ends; `timeoutSeconds` ends it (default 30 minutes, upstream's minimum).
import type { ServerResponse } from 'node:http'

import type { Change } from './change-log'
import { convertCoreEventToEventsV1 } from './events-conversion'
import { matchesFieldSelector, parseFieldSelector } from './field-selector'
import type { HandlerResult, ResourceRequest } from './handler-types'
import { KubeError } from './kube-error'
import { matchesLabelSelector, parseLabelSelector } from './label-selector'
import { formatApiVersion } from './resources'
import { buildTableIfRequested } from './table'
import type { KubeObject } from './types'

export interface WatchOptions {
  /** Milliseconds between bookmarks (default 60 s, as upstream's bookmark frequency). */
  bookmarkIntervalMs?: number
}

const DEFAULT_TIMEOUT_SECONDS = 1800

function parseNonNegativeInt(raw: string | null, what: string): number | undefined {
  if (raw === null || raw === '') return undefined
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new KubeError('BadRequest', `invalid ${what}: ${raw}`)
  return n
}

/** Validates a watch request and returns a result whose `stream` serves it. */
export function startWatch(req: ResourceRequest, opts: WatchOptions = {}): HandlerResult {
  const rv = parseNonNegativeInt(req.query.get('resourceVersion'), 'resourceVersion')
  const timeoutSeconds = parseNonNegativeInt(req.query.get('timeoutSeconds'), 'timeoutSeconds')
  const labels = parseLabelSelector(req.query.get('labelSelector') ?? '')
  const fields = parseFieldSelector(req.query.get('fieldSelector') ?? '', req.def.resource)
  const bookmarks = req.query.get('allowWatchBookmarks') === 'true'
  const namespace = req.namespace ?? (req.def.namespaced ? undefined : '')
  const matches = (o: KubeObject | undefined): boolean =>
    o !== undefined &&
    (namespace === undefined || (o.metadata.namespace ?? '') === namespace) &&
    (req.name === undefined || o.metadata.name === req.name) &&
    matchesLabelSelector(labels, o.metadata.labels) &&
    matchesFieldSelector(fields, o)
  const apiVersion = formatApiVersion(req.def)
  const present = (o: KubeObject): unknown => {
    const typed = {
      ...(req.def.group === 'events.k8s.io' ? convertCoreEventToEventsV1(o) : o),
      apiVersion,
      kind: req.def.kind,
    }
    return buildTableIfRequested({ status: 200, body: typed }, req.def, req.headers.accept).body
  }

  const stream = (res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache, private' })
    res.flushHeaders()
    const send = (type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`)
    const sendChange = (c: Change) => {
      if (c.storageKey !== req.def.storageKey) return
      const now = matches(c.object)
      const before = c.type === 'MODIFIED' && matches(c.previous)
      if (c.type === 'MODIFIED' && before !== now) send(now ? 'ADDED' : 'DELETED', present(c.object))
      else if (now) send(c.type, present(c.object))
    }
    if (rv === undefined || rv === 0) {
      const items = req.store.collection(req.def.storageKey).page({ namespace, filter: matches }).items
      for (const o of items) send('ADDED', present(o))
    } else {
      const current = Number(req.store.resourceVersion)
      if (rv > current) {
        // A version from the future (e.g. from before a sandbox reset): upstream's ResourceVersionTooLarge, on which
        // client-go lists again.
        const status = new KubeError('Timeout', `Timeout: Too large resource version: ${rv}, current: ${current}`, {
          causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
          retryAfterSeconds: 1,
        }).toStatus()
        send('ERROR', status)
        res.end()
        return
      }
      const backlog = req.store.changes.since(rv)
      if ('expired' in backlog) {
        const status = new KubeError('Expired', `too old resource version: ${rv} (${backlog.oldest})`).toStatus()
        send('ERROR', status)
        res.end()
        return
      }
      for (const c of backlog.changes) sendChange(c)
    }
    const unsubscribe = req.store.changes.subscribe(sendChange, () => res.end())
    const bookmark = () =>
      send('BOOKMARK', { kind: req.def.kind, apiVersion, metadata: { resourceVersion: req.store.resourceVersion } })
    const ticker = bookmarks ? setInterval(bookmark, opts.bookmarkIntervalMs ?? 60_000) : undefined
    const timer = setTimeout(
      () => {
        if (bookmarks) bookmark()
        res.end()
      },
      (timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    )
    res.on('close', () => {
      unsubscribe()
      clearInterval(ticker)
      clearTimeout(timer)
    })
  }
  return { status: 200, body: undefined, stream }
}
