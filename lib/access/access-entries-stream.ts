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

/** Rows a page of the access table holds: the first of them are what the server renders into the HTML. */
export const ACCESS_ENTRIES_PAGE_SIZE = 50

/** The page while it streams: `loading` says how far it got; absent once the `page` line replaced it. */
export type StreamingAccessEntriesPage = AccessEntriesPage & { loading?: { loaded: number; listed: number } }

/**
 * The access page's order: by principal ARN, the order the sandbox's ListAccessEntries names them in (EKS's order is
 * UNVERIFIED), so rows that stream in join below the ones on screen instead of pushing them down
 * (docs/access-entries.md#order). Code-unit order, not locale order: the server and every browser sort the same way,
 * and cheaply.
 */
export function compareAccessEntries(a: AccessEntryDto, b: AccessEntryDto): number {
  return a.principalArn < b.principalArn ? -1 : a.principalArn > b.principalArn ? 1 : 0
}

/** Merges a sorted run into a sorted list in one pass. */
function mergeSorted(list: AccessEntryDto[], run: AccessEntryDto[]): AccessEntryDto[] {
  const sorted = [...run].sort(compareAccessEntries)
  if (list.length === 0 || sorted.length === 0 || compareAccessEntries(list[list.length - 1]!, sorted[0]!) <= 0)
    return [...list, ...sorted]
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

/** Reads streamed lines into the page known so far. */
export type StreamingPageReader = {
  /** Takes one line; an `error` line throws (what arrived is incomplete), so do entries before the head. */
  read: (line: AccessEntriesLine) => void
  /** The page so far (undefined before the head); the same object until another line changes it. */
  page: () => StreamingAccessEntriesPage | undefined
}

/**
 * The head starts the page, entries join it in the page's order, the `page` line replaces it with the complete answer.
 * Entries are only merged when the page is asked for: a stream of a thousand one-entry lines costs one merge per
 * screen update, not one per line.
 */
export function createStreamingPageReader(toError: (code: string, message: string) => Error): StreamingPageReader {
  let head: Extract<AccessEntriesLine, { kind: 'head' }>['head'] | undefined
  let complete: AccessEntriesPage | undefined
  let sorted: AccessEntryDto[] = []
  let arrived: AccessEntryDto[] = []
  let listed = 0
  let current: StreamingAccessEntriesPage | undefined
  return {
    read(line) {
      current = undefined
      switch (line.kind) {
        case 'head':
          head = line.head
          return
        case 'entries':
          if (!head) throw toError('invalid_response', 'The answer sent entries before its head.')
          arrived.push(...line.entries)
          listed = line.listed
          return
        case 'page':
          complete = line.page
          return
        case 'error':
          throw toError(line.error.code, line.error.message)
      }
    },
    page() {
      if (complete) return complete
      if (!head) return undefined
      if (current) return current
      sorted = mergeSorted(sorted, arrived)
      arrived = []
      const loading = head.available ? { loaded: sorted.length, listed } : undefined
      current = { ...head, entries: sorted, unreadable: [], loading }
      return current
    },
  }
}

/** The page the lines describe (a server-rendered first screen), or undefined when they hold no head. */
export function pageOfLines(
  lines: readonly AccessEntriesLine[],
  toError: (code: string, message: string) => Error,
): StreamingAccessEntriesPage | undefined {
  const reader = createStreamingPageReader(toError)
  for (const line of lines) reader.read(line)
  return reader.page()
}
