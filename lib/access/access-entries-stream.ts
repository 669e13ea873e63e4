import type { AccessEntriesPage, AccessEntryDto } from './access-entry-dto'

/**
 * One line of GET …/access-entries?stream=1 (NDJSON, `application/x-ndjson`): `head` first, then `entries` runs in
 * ListAccessEntries order as they are described, then exactly one of `page` (the complete, authoritative answer: sorted,
 * with the lockout guard counting every admin) or `error` (the load failed part-way; what arrived is incomplete).
 */
export type AccessEntriesLine =
  | { kind: 'head'; head: Omit<AccessEntriesPage, 'entries' | 'unreadable'> }
  | { kind: 'entries'; entries: AccessEntryDto[]; listed: number }
  | { kind: 'page'; page: AccessEntriesPage }
  | { kind: 'error'; error: { code: string; message: string } }

/** The page while it streams: `loading` says how far it got; absent once the `page` line replaced it. */
export type StreamingAccessEntriesPage = AccessEntriesPage & { loading?: { loaded: number; listed: number } }

/** The access page's order: by principal name, then ARN (the server sorts the complete page the same way). */
export function compareAccessEntries(a: AccessEntryDto, b: AccessEntryDto): number {
  return a.principalName.localeCompare(b.principalName) || a.principalArn.localeCompare(b.principalArn)
}

/** Merges a sorted run into a sorted list in one pass (a re-sort per line would cost O(n log n) a thousand times). */
function mergeSorted(list: AccessEntryDto[], run: AccessEntryDto[]): AccessEntryDto[] {
  const sorted = [...run].sort(compareAccessEntries)
  const merged: AccessEntryDto[] = []
  let i = 0
  let j = 0
  while (i < list.length || j < sorted.length) {
    if (j >= sorted.length || (i < list.length && compareAccessEntries(list[i]!, sorted[j]!) <= 0))
      merged.push(list[i++]!)
    else merged.push(sorted[j++]!)
  }
  return merged
}

/**
 * Applies one streamed line to the page known so far: the head starts it, entries join it in the page's order, the
 * `page` line replaces it with the complete answer. An `error` line throws: what arrived is incomplete.
 */
export function applyAccessEntriesLine(
  page: StreamingAccessEntriesPage | undefined,
  line: AccessEntriesLine,
  toError: (code: string, message: string) => Error,
): StreamingAccessEntriesPage {
  switch (line.kind) {
    case 'head':
      return {
        ...line.head,
        entries: [],
        unreadable: [],
        loading: line.head.available ? { loaded: 0, listed: 0 } : undefined,
      }
    case 'entries': {
      if (!page) throw toError('invalid_response', 'The answer sent entries before its head.')
      const entries = mergeSorted(page.entries, line.entries)
      return { ...page, entries, loading: { loaded: entries.length, listed: line.listed } }
    }
    case 'page':
      return line.page
    case 'error':
      throw toError(line.error.code, line.error.message)
  }
}
