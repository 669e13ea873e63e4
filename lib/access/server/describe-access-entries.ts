import 'server-only'

import { parseArn } from '@/lib/access/arn'
import { isConsoleError, type ConsoleError } from '@/lib/api/console-error'
import { listAccessEntryArns, type AccessEntryDetail } from '@/lib/aws/access-entries'
import { BULK_SOCKETS } from '@/lib/aws/aws-clients'

import { createAdaptiveWorkQueue } from './adaptive-work-queue'
import { getEntryDetail } from './entry-detail-cache'

// Each entry costs DescribeAccessEntry + ListAssociatedAccessPolicies, sent in parallel: BULK_SOCKETS / 4 entries keep
// 64 calls in flight, half the bulk client's sockets (the rest serve a second page load). At 50 ms per call 1,000
// entries take ~2 s instead of the ~100 s of sequential calls. Measured (bench/access-page.ts, interleaved runs on a
// 2-core machine): 128 in flight was no faster — the SDK's CPU per call (~0.75 ms signing and parsing, ~1.5 s per
// cold load) is the floor there, not latency — while doubling the burst that EKS's API rate limit sees. The limit halves
// on each throttle that outlives the SDK's retries (down to 4 entries) and creeps back after successes.
const ENTRY_CONCURRENCY = { start: BULK_SOCKETS / 4, min: 4 }

/** An entry that could not be described while the others could (throttled, 5xx, timeout). */
export type UnreadableEntry = { principalArn: string; principalName: string; message: string }

export type DescribeAccessEntriesOptions = {
  /** Bypass the detail cache ("Refresh"). */
  fresh?: boolean
  /** Each ListAccessEntries page as it arrives, before its entries are described (list order). */
  onListed?: (arns: string[]) => void
  /** After the last ListAccessEntries page (entries may still be being described). */
  onListComplete?: () => void
  /** Each entry once described (null: gone or unreadable); `index` is its position in list order. */
  onSettled?: (index: number, detail: AccessEntryDetail | null) => void
}

/**
 * Every access entry of a cluster with its details and policies, as the access page and the effective-access
 * snapshot read them: describing starts while later ListAccessEntries pages load, 64 entries in flight (fewer after
 * throttling), each from the detail cache shared with the access page (a minute; the console's own writes drop it).
 * An entry deleted between the list and the describe is simply gone; one that fails alone (throttled, 5xx, timeout) is
 * `unreadable`; any other failure would hit every entry alike and is thrown, as is a passing failure when not one
 * entry could be read.
 */
export async function describeAllAccessEntries(
  target: { region: string; cluster: string },
  options: DescribeAccessEntriesOptions = {},
): Promise<{ details: AccessEntryDetail[]; unreadable: UnreadableEntry[] }> {
  const details: AccessEntryDetail[] = []
  const unreadable: UnreadableEntry[] = []
  let listed = 0
  let firstPassingFailure: unknown
  const work = createAdaptiveWorkQueue<[string, number]>(ENTRY_CONCURRENCY, async ([principalArn, index]) => {
    try {
      const detail = await getEntryDetail({ ...target, principalArn }, options)
      details.push(detail)
      options.onSettled?.(index, detail)
    } catch (error) {
      options.onSettled?.(index, null)
      if (isConsoleError(error) && error.code === 'not_found') return
      if (!isPassingFailure(error)) throw error
      if (error.code === 'throttled') work.backOff()
      firstPassingFailure ??= error
      unreadable.push({
        principalArn,
        principalName: parseArn(principalArn)?.name ?? principalArn,
        message: error.message,
      })
    }
  })
  await listAccessEntryArns(target, (arns) => {
    options.onListed?.(arns)
    work.push(arns.map((arn): [string, number] => [arn, listed++]))
  })
  options.onListComplete?.()
  await work.close()
  if (details.length === 0 && firstPassingFailure) throw firstPassingFailure
  return { details, unreadable }
}

/**
 * A failure that leaves the other entries readable: EKS throttling the burst, a 5xx, a dropped connection, a call
 * that outlived the upstream timeout, each already retried by the SDK. Anything else (no permission, a bad request)
 * would hit every entry alike.
 */
function isPassingFailure(error: unknown): error is ConsoleError {
  return (
    isConsoleError(error) &&
    ['throttled', 'upstream_unavailable', 'upstream_unreachable', 'upstream_timeout'].includes(error.code)
  )
}
