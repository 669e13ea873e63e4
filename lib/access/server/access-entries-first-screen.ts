import 'server-only'

import { type AccessEntriesLine } from '@/lib/access/access-entries-stream'

import { loadAccessEntriesPage } from './list-access-entries'

// The page waits at most this long for its first screen; after that it renders what arrived and the stream goes on.
const FIRST_SCREEN_WAIT_MS = 1_500

/** Rows the server waits for: a screen's worth (the browser's stream fills the rest of the table's first page). */
const FIRST_SCREEN_ROWS = 20

/**
 * The head and the first screen of entries in list order, as the stream's lines, for the access page to render on the
 * server: the first rows are in the HTML instead of waiting for the browser to load, hydrate and ask. The load stops
 * there, leaving the server's CPU to render the page: the browser's own stream describes the rest (the detail cache
 * already holds the first screen). Never rejects: a failure resolves to what arrived, and the browser's stream reports it.
 */
export function readAccessEntriesFirstScreen(
  region: string,
  cluster: string,
  { waitMs = FIRST_SCREEN_WAIT_MS }: { waitMs?: number } = {},
): Promise<AccessEntriesLine[]> {
  return new Promise((resolve) => {
    const lines: AccessEntriesLine[] = []
    const stop = new AbortController()
    let rows = 0
    let settled = false
    const done = () => {
      if (settled) return
      settled = true
      stop.abort()
      clearTimeout(timer)
      resolve([...lines])
    }
    const timer = setTimeout(done, waitMs)
    loadAccessEntriesPage(region, cluster, {
      signal: stop.signal,
      onHead: (head) => lines.push({ kind: 'head', head }),
      onEntries: ({ entries, listed }) => {
        if (settled || entries.length === 0) return
        lines.push({ kind: 'entries', entries, listed })
        rows += entries.length
        if (rows >= FIRST_SCREEN_ROWS) done()
      },
    }).then((page) => {
      lines.push({ kind: 'page', page })
      done()
    }, done)
  })
}
