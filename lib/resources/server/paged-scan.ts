import 'server-only'

import { ConsoleError, isConsoleError } from '@/lib/api/console-error'
import type { KubeListJson } from '@/lib/k8s/kube-raw'
import type { ForbiddenNotice } from '@/lib/resources/resource-dto'

/**
 * Where the next page starts: namespace index `n` (into the sorted namespace list being walked), the Kubernetes
 * continue token `c` of the list page to resume (absent: that namespace's first page) and `o` items of it already
 * served. Kubernetes continue tokens name a start key, so re-listing with `c` and skipping `o` resumes exactly.
 */
type Cursor = { n: number; c?: string; o: number; w?: 1 }

// Per console request: at most this many objects looked at, or Kubernetes calls made, while a server-side filter
// (name search, CrashLoopBackOff, …) fills a page. Then the page returns with a cursor and "keep searching".
const SCAN_BUDGET = 5_000
const REQUEST_BUDGET = 40
// Page size asked of Kubernetes while filtering on the console's server (kube-apiserver's own default cap is 500).
const SCAN_PAGE = 500

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

function decodeCursor(raw: string | undefined): Cursor {
  if (!raw) return { n: 0, o: 0 }
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor
    if (Number.isInteger(c.n) && c.n >= 0 && Number.isInteger(c.o) && c.o >= 0) {
      if (c.c === undefined || typeof c.c === 'string') return c
    }
  } catch {
    // fall through
  }
  throw new ConsoleError('bad_request', 'The list cursor is not valid; reload the list from the start.')
}

/** True when a cursor continues a namespace-by-namespace walk (not one cluster-wide list). */
export function cursorWalksNamespaces(raw: string | undefined): boolean {
  return raw ? decodeCursor(raw).w === 1 : false
}

/**
 * One Kubernetes list call, its items already projected to rows (see listKubeItems): a namespace, or every
 * namespace / a cluster-scoped kind when undefined.
 */
export type FetchKubePage<Row> = (
  namespace: string | undefined,
  page: { continue?: string; limit: number },
) => Promise<KubeListJson<Row>>

export type ScanRequest<Row> = {
  /** Namespaces to walk in name order, or undefined for one cluster-wide list. */
  namespaces?: string[]
  fetchPage: FetchKubePage<Row>
  /** A filter Kubernetes cannot apply (substring search, derived status); pages then scan with a budget. */
  keep?: (row: Row) => boolean
  limit: number
  cursor?: string
}

export type ScanResult<Row> = {
  rows: Row[]
  cursor: string | null
  scanned: number
  budgetExhausted: boolean
  remaining: number | null
  forbidden: ForbiddenNotice[]
}

/** A Kubernetes 403 as an in-place notice (which verb, which resource, which namespace). */
export function toForbiddenNotice(error: unknown): ForbiddenNotice | undefined {
  if (!isConsoleError(error) || error.code !== 'kubernetes_forbidden') return undefined
  const d = error.detail ?? {}
  return {
    namespace: typeof d.namespace === 'string' ? d.namespace : null,
    verb: typeof d.verb === 'string' ? d.verb : 'list',
    resource: typeof d.resource === 'string' ? d.resource : 'objects',
    message: error.message,
  }
}

/**
 * Fills one console page from Kubernetes list pages: `limit` + `continue` all the way down, never a full list. Without
 * `keep`, each console page is exactly one Kubernetes page of the same size (so a page costs one list call). With
 * `keep`, it lists 500 at a time and filters until the page is full or {@link SCAN_BUDGET} objects were looked at.
 * Walking `namespaces` in name order gives the same order as a cluster-wide list (etcd keys are namespace/name); a
 * namespace the console may not list is skipped and reported in `forbidden`.
 */
export async function scanPages<Row>(req: ScanRequest<Row>): Promise<ScanResult<Row>> {
  const cursor = decodeCursor(req.cursor)
  const rows: Row[] = []
  const forbidden: ForbiddenNotice[] = []
  let { n, c, o } = cursor
  if (cursor.w !== 1 && !req.namespaces && n > 0)
    throw new ConsoleError('bad_request', 'The list cursor is not valid; reload the list from the start.')
  let scanned = 0
  let calls = 0
  let remaining: number | null = null
  const total = req.namespaces?.length ?? 1
  const result = (next: Cursor | null, budgetExhausted = false): ScanResult<Row> => ({
    rows,
    // `w` marks a namespace walk, so the next page resumes the same walk.
    cursor: next ? encodeCursor(req.namespaces ? { ...next, w: 1 } : next) : null,
    scanned,
    budgetExhausted,
    // Only a single unfiltered list knows what is left (Kubernetes omits remainingItemCount with selectors too).
    remaining: req.keep || req.namespaces ? null : remaining,
    forbidden,
  })

  while (n < total) {
    if (calls >= REQUEST_BUDGET || scanned >= SCAN_BUDGET) return result({ n, c, o }, true)
    const namespace = req.namespaces?.[n]
    const need = req.limit - rows.length
    let page: KubeListJson<Row>
    try {
      calls++
      page = await req.fetchPage(namespace, { continue: c, limit: req.keep ? SCAN_PAGE : o + need })
    } catch (error) {
      const notice = req.namespaces ? toForbiddenNotice(error) : undefined
      if (!notice) throw error
      forbidden.push(notice)
      ;[n, c, o] = [n + 1, undefined, 0]
      continue
    }
    const items = page.items ?? []
    for (let i = o; i < items.length; i++) {
      scanned++
      const row = items[i] as Row
      if (req.keep && !req.keep(row)) continue
      rows.push(row)
      if (rows.length === req.limit && i + 1 < items.length) return result({ n, c, o: i + 1 })
    }
    remaining = page.metadata?.remainingItemCount ?? (page.metadata?.continue ? null : 0)
    if (page.metadata?.continue) [c, o] = [page.metadata.continue, 0]
    else [n, c, o] = [n + 1, undefined, 0]
    if (rows.length === req.limit) return result(n < total ? { n, c, o } : null)
  }
  return result(null)
}
