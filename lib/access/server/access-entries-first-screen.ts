import 'server-only'

import { type AccessEntriesLine } from '@/lib/access/access-entries-stream'

import { relayLoad } from './access-entries-relay'
import { loadAccessEntriesPage } from './list-access-entries'

// The page waits at most this long for its first screen; after that it renders what arrived and the stream goes on.
const FIRST_SCREEN_WAIT_MS = 1_500

/** Rows the server waits for: a screen's worth (the browser's stream fills the rest of the table's first page). */
const FIRST_SCREEN_ROWS = 20
// Until the first screen is in, only its entries are described: on a busy server (two cores shared with the browser)
// every call beyond them slows the ones the page waits for. Once it is in, the load holds its next describes this
// long: the server's CPU renders and sends the page first, then the load goes on describing in the background.
const RENDER_HEADROOM_MS = 250

/**
 * The head and the first screen of entries in list order, as the stream's lines, for the access page to render on the
 * server: the first rows are in the HTML instead of waiting for the browser to load, hydrate and ask. The load then
 * pauses while the page renders and goes on in the background, and the browser's stream, which opens once the page
 * runs, follows it (access-entries-relay.ts). Never rejects: a failure resolves to what arrived, and the browser's
 * stream reports it.
 */
export function readAccessEntriesFirstScreen(
  region: string,
  cluster: string,
  { waitMs = FIRST_SCREEN_WAIT_MS, headroomMs = RENDER_HEADROOM_MS }: { waitMs?: number; headroomMs?: number } = {},
): Promise<AccessEntriesLine[]> {
  return new Promise((resolve) => {
    const lines: AccessEntriesLine[] = []
    let held: Promise<void> | undefined
    let rows = 0
    let settled = false
    const done = () => {
      if (settled) return
      settled = true
      held = new Promise((resume) => setTimeout(resume, headroomMs))
      clearTimeout(timer)
      resolve([...lines])
    }
    const timer = setTimeout(done, waitMs)
    // The browser's stream, opened once the page runs, follows this load instead of starting its own.
    const relay = relayLoad(region, cluster)
    loadAccessEntriesPage(region, cluster, {
      describeFirstAlone: FIRST_SCREEN_ROWS,
      hold: () => held,
      onHead: (head) => {
        const line = { kind: 'head', head } as const
        lines.push(line)
        relay.line(line)
      },
      onEntries: ({ entries, listed }) => {
        if (entries.length === 0) return
        const line = { kind: 'entries', entries, listed } as const
        relay.line(line)
        if (settled) return
        lines.push(line)
        rows += entries.length
        if (rows >= FIRST_SCREEN_ROWS) done()
      },
    }).then(
      (page) => {
        const line = { kind: 'page', page } as const
        lines.push(line)
        relay.line(line)
        done()
      },
      (error: unknown) => {
        relay.fail(error)
        done()
      },
    )
  })
}
