// LIST: label and field selectors applied lazily while walking the sorted collection, `limit` + opaque `continue`
// tokens, and only the page is serialized — a 500-pod page of a 100,000-pod cluster touches ~500 objects.
import { convertCoreEventToEventsV1 } from './events-conversion'
import { findPinnedField, findPinnedName, matchesFieldSelector, parseFieldSelector } from './field-selector'
import type { HandlerResult, ResourceRequest } from './handler-types'
import { KubeError } from './kube-error'
import { matchesLabelSelector, parseLabelSelector } from './label-selector'
import type { CollectionKey } from './object-collection'
import { formatApiVersion } from './resources'
import type { KubeObject } from './types'

interface ContinueToken {
  v: 'meta.k8s.io/v1'
  rv: string
  start: CollectionKey
}

/** Encodes where the next page starts; opaque to clients (base64url JSON, like kube-apiserver's). */
export function encodeContinueToken(rv: string, start: CollectionKey): string {
  const token: ContinueToken = { v: 'meta.k8s.io/v1', rv, start }
  return Buffer.from(JSON.stringify(token)).toString('base64url')
}

/** Decodes a continue token; a malformed one is a 400 as upstream ("continue key is not valid"). */
export function decodeContinueToken(raw: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as ContinueToken
    if (t.v === 'meta.k8s.io/v1' && typeof t.start?.name === 'string' && typeof t.start.namespace === 'string') return t
  } catch {
    // fall through to the Kubernetes error below
  }
  throw new KubeError(
    'BadRequest',
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  )
}

function parseLimit(raw: string | null): number | undefined {
  if (raw === null || raw === '') return undefined
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new KubeError('BadRequest', `invalid limit: ${raw}`)
  return n === 0 ? undefined : n
}

const podNodeName = (pod: KubeObject) => (pod.spec as { nodeName?: string } | undefined)?.nodeName

/** Serves a list request. */
export function handleList(req: ResourceRequest): HandlerResult {
  const labels = parseLabelSelector(req.query.get('labelSelector') ?? '')
  const fields = parseFieldSelector(req.query.get('fieldSelector') ?? '', req.def.resource)
  const limit = parseLimit(req.query.get('limit'))
  const cont = req.query.get('continue')
  const start = cont ? decodeContinueToken(cont).start : undefined
  const filter =
    labels.length > 0 || fields.length > 0
      ? (o: KubeObject) => matchesLabelSelector(labels, o.metadata.labels) && matchesFieldSelector(fields, o)
      : undefined
  const node = req.def.resource === 'pods' ? findPinnedField(fields, 'spec.nodeName') : undefined
  const stored = req.store.collection(req.def.storageKey)
  // The field filter still runs on the indexed objects; the index only spares the walk over other nodes' pods.
  const collection = node === undefined ? stored : stored.indexed('spec.nodeName', podNodeName, node)
  const pinned = findPinnedName(fields)
  let items: KubeObject[]
  let next: CollectionKey | undefined
  let remaining: number | undefined
  if (pinned !== undefined && req.namespace !== undefined) {
    // metadata.name=x inside a namespace is a point lookup (kubectl uses it for `get` with --field-selector).
    const one = collection.find(req.namespace, pinned)
    items = one && (!filter || filter(one)) ? [one] : []
  } else {
    const page = collection.page({
      namespace: req.namespace ?? (req.def.namespaced ? undefined : ''),
      limit,
      start,
      filter,
    })
    items = page.items
    next = page.next
    remaining = page.remaining
  }
  const rv = req.store.resourceVersion
  const metadata: Record<string, unknown> = { resourceVersion: rv }
  if (next) metadata.continue = encodeContinueToken(rv, next)
  if (next && remaining !== undefined) metadata.remainingItemCount = remaining
  const apiVersion = formatApiVersion(req.def)
  const converted = req.def.group === 'events.k8s.io' ? items.map(convertCoreEventToEventsV1) : items
  // kube-apiserver leaves `kind` and `apiVersion` off list items (kubernetes/kubernetes#3030): the list names them once.
  const untyped = converted.map(({ kind: _kind, apiVersion: _apiVersion, ...item }) => item)
  return { status: 200, body: { kind: `${req.def.kind}List`, apiVersion, metadata, items: untyped } }
}
