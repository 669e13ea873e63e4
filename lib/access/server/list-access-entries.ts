import 'server-only'

import { ACCESS_ENTRIES_PAGE_SIZE, compareAccessEntries } from '@/lib/access/access-entries-stream'
import type { AccessEntriesPage, AccessEntryDto } from '@/lib/access/access-entry-dto'
import { parseArn } from '@/lib/access/arn'
import { findLockoutRisk, isClusterAdminPath } from '@/lib/access/lockout-guard'
import { decideManagedEntry, type ManagedEntryEvidence } from '@/lib/access/managed-entries'
import { toAssociatedPolicyDto } from '@/lib/access/policy-catalogue'
import { isConsoleError, type ConsoleError } from '@/lib/api/console-error'
import { listAccessEntryArns, type AccessEntryDetail } from '@/lib/aws/access-entries'
import { BULK_SOCKETS } from '@/lib/aws/aws-clients'

import { createAdaptiveWorkQueue } from './adaptive-work-queue'
import {
  getConsolePrincipal,
  loadClusterAccessContext,
  matchConsolePrincipal,
  type ConsolePrincipal,
} from './cluster-access-context'
import { getEntryDetail } from './entry-detail-cache'
import { computeEntryVersion } from './entry-version'
import { loadManagedEvidence } from './managed-evidence'

// Each entry costs DescribeAccessEntry + ListAssociatedAccessPolicies, sent in parallel: BULK_SOCKETS / 4 entries keep
// 64 calls in flight, half the bulk client's sockets (the rest serve a second page load). At 50 ms per call 1,000
// entries take ~2 s instead of the ~100 s of sequential calls. Measured (bench/access-page.ts, interleaved runs on a
// 2-core machine): 128 in flight was no faster — the SDK's CPU per call (~0.75 ms signing and parsing, ~1.5 s per
// cold load) is the floor there, not latency — while doubling the burst that EKS's API rate limit sees. The limit halves
// on each throttle that outlives the SDK's retries (down to 4 entries) and creeps back after successes.
const ENTRY_CONCURRENCY = { start: BULK_SOCKETS / 4, min: 4 }

/** Maps EKS details to the DTO the access page shows; `evidence` decides which entries EKS manages. */
export function toAccessEntryDto(
  detail: AccessEntryDetail,
  evidence: ManagedEntryEvidence,
  lockout: { otherClusterAdminCount: number; consolePrincipal: ConsolePrincipal | null },
): AccessEntryDto {
  const arn = parseArn(detail.principalArn)
  const kind =
    arn?.service === 'iam' && (arn.resourceType === 'role' || arn.resourceType === 'user') ? arn.resourceType : 'other'
  const { managedReason, nodeWarning } = decideManagedEntry(detail, evidence)
  return {
    ...detail,
    policies: detail.policies.map(toAssociatedPolicyDto),
    principalName: arn?.name ?? detail.principalArn,
    principalKind: kind,
    principalPath: arn?.path ?? '/',
    managedReason,
    nodeWarning,
    version: computeEntryVersion(detail),
    lockoutRisk: managedReason
      ? null
      : findLockoutRisk({
          policies: detail.policies,
          change: { kind: 'delete-entry' },
          otherClusterAdminCount: lockout.otherClusterAdminCount,
          consolePrincipal: matchConsolePrincipal(detail.principalArn, lockout.consolePrincipal),
        }),
  }
}

/** What the access page knows before any entry is described: the cluster and who the console is. */
export type AccessEntriesHead = Omit<AccessEntriesPage, 'entries' | 'unreadable'>

/** The next entries in list order, described so far; `listed` counts the ARNs ListAccessEntries has named yet. */
export type AccessEntriesProgress = { entries: AccessEntryDto[]; listed: number; listComplete: boolean }

export type LoadAccessEntriesOptions = {
  /** Bypass the detail cache ("Refresh"). */
  fresh?: boolean
  /** Called once the cluster is known, before the entries load. */
  onHead?: (head: AccessEntriesHead) => void
  /**
   * Called with each run of entries described in list order, for streaming. Their lockout guard counts no other
   * cluster admin (it fails closed: any admin entry shows the risk) until the final page counts them all.
   */
  onEntries?: (progress: AccessEntriesProgress) => void
  /**
   * Asked before each describe: a promise it returns holds the describes that have not started yet until it settles
   * (the calls in flight go on). The access page holds its first-screen load while the page renders.
   */
  hold?: () => Promise<void> | undefined
  /**
   * Describes the first this many entries (list order) alone, the rest once they are in: the access page's first
   * screen, which on a busy server would otherwise share the CPU with the calls for the entries after it.
   */
  describeFirstAlone?: number
}

/**
 * Everything the access page shows for one cluster: every entry with its details and policies, which ones EKS
 * manages, and which would trip the lockout guard. Describing starts while later ListAccessEntries pages load.
 */
export async function loadAccessEntriesPage(
  region: string,
  name: string,
  options: LoadAccessEntriesOptions = {},
): Promise<AccessEntriesPage> {
  // ListAccessEntries starts beside DescribeCluster instead of after it: one EKS round trip less before the first row.
  // Its pages wait here until the cluster is known; a CONFIG_MAP cluster refuses the call, and that answer is dropped.
  const early: string[][] = []
  let onListPage: (arns: string[]) => void = (arns) => void early.push(arns)
  const listing = listAccessEntryArns({ region, cluster: name }, (arns) => onListPage(arns))
  listing.catch(() => undefined)
  const [cluster, consolePrincipal] = await Promise.all([
    loadClusterAccessContext(region, name),
    getConsolePrincipal(region),
  ])
  // Started now, awaited after the entries: node groups and Fargate profiles load while the entries do.
  const evidence = cluster.authenticationMode === 'CONFIG_MAP' ? undefined : loadManagedEvidence(cluster)
  evidence?.catch(() => undefined)
  const base = {
    cluster: {
      region,
      name,
      accountId: cluster.accountId,
      authenticationMode: cluster.authenticationMode,
      autoMode: cluster.autoMode,
    },
    consolePrincipalArn: consolePrincipal?.arn ?? null,
    loadedAt: new Date().toISOString(),
  }
  if (cluster.authenticationMode === 'CONFIG_MAP') {
    options.onHead?.({ ...base, available: false })
    return { ...base, available: false, entries: [], unreadable: [] }
  }
  options.onHead?.({ ...base, available: true })

  const details: AccessEntryDetail[] = []
  const unreadable: AccessEntriesPage['unreadable'] = []
  const inOrder = createInOrderEmitter(evidence as Promise<ManagedEntryEvidence>, consolePrincipal, options.onEntries)
  let firstPassingFailure: unknown
  // Entries past the first `describeFirstAlone` wait for those to settle (read or not), then go as usual.
  const firstAlone = options.describeFirstAlone ?? 0
  let firstLeft = firstAlone
  let firstOnesDone: () => void = () => undefined
  const firstOnesIn = firstAlone > 0 ? new Promise<void>((resolve) => (firstOnesDone = resolve)) : undefined
  const work = createAdaptiveWorkQueue<[string, number]>(ENTRY_CONCURRENCY, async ([principalArn, index]) => {
    if (index >= firstAlone) await firstOnesIn
    await options.hold?.()
    try {
      const detail = await getEntryDetail({ region, cluster: name, principalArn }, options)
      details.push(detail)
      inOrder.settle(index, detail)
    } catch (error) {
      inOrder.settle(index, null)
      // Deleted between the list and the describe: it is simply gone.
      if (isConsoleError(error) && error.code === 'not_found') return
      if (!isPassingFailure(error)) throw error
      if (error.code === 'throttled') work.backOff()
      firstPassingFailure ??= error
      const principalName = parseArn(principalArn)?.name ?? principalArn
      unreadable.push({ principalArn, principalName, message: error.message })
    } finally {
      if (index < firstAlone && --firstLeft === 0) firstOnesDone()
    }
  })
  onListPage = (arns) => work.push(inOrder.list(arns))
  for (const arns of early.splice(0)) onListPage(arns)
  await listing
  inOrder.listComplete()
  await work.close()
  inOrder.drain()
  // Not one entry could be read: that is the cluster's answer, not a gap in it.
  if (details.length === 0 && firstPassingFailure) throw firstPassingFailure

  const adminCount = details.filter((d) => isClusterAdminPath(d.policies)).length
  const managedEvidence = await (evidence as Promise<ManagedEntryEvidence>)
  const entries = details
    .map((detail) =>
      toAccessEntryDto(detail, managedEvidence, {
        otherClusterAdminCount: adminCount - (isClusterAdminPath(detail.policies) ? 1 : 0),
        consolePrincipal,
      }),
    )
    .sort(compareAccessEntries)
  unreadable.sort((a, b) => a.principalName.localeCompare(b.principalName))
  return { ...base, available: true, entries, unreadable }
}

// Entries described within this many milliseconds of each other go out as one run: a thousand one-entry lines would
// cost the browser a thousand updates and the server a thousand writes. The table's first page goes out as each entry
// comes in order, without waiting: the server-rendered first screen resolves the moment its 20th row is in (a window
// timer fired up to 85 ms late on a busy server and held the page's HTML that long).
const RUN_WINDOW_MS = 25

/**
 * Hands described entries to `onEntries` in list order: entry k waits for entries 0..k-1, so the stream's order does
 * not depend on which call EKS answered first. Nothing is emitted before the managed-entry evidence is in, so a row
 * never appears editable and then turns "Managed by EKS". `drain` sends what is still held, before the final page.
 */
function createInOrderEmitter(
  evidence: Promise<ManagedEntryEvidence>,
  consolePrincipal: ConsolePrincipal | null,
  onEntries: LoadAccessEntriesOptions['onEntries'],
) {
  const slots: (AccessEntryDetail | null | undefined)[] = []
  let next = 0
  let complete = false
  let known: ManagedEntryEvidence | undefined
  let held: AccessEntryDetail[] = []
  let sentRows = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const send = () => {
    clearTimeout(timer)
    timer = undefined
    if (!onEntries || !known) return
    const entries = held.map((d) => toAccessEntryDto(d, known!, { otherClusterAdminCount: 0, consolePrincipal }))
    sentRows += held.length
    held = []
    onEntries({ entries, listed: slots.length, listComplete: complete })
  }
  const flush = () => {
    if (!onEntries || !known) return
    while (next < slots.length && slots[next] !== undefined) {
      const detail = slots[next++]
      if (detail) held.push(detail)
    }
    if (held.length === 0) return
    if (sentRows < ACCESS_ENTRIES_PAGE_SIZE) send()
    else timer ??= setTimeout(send, RUN_WINDOW_MS)
  }
  if (onEntries) {
    evidence.then(
      (e) => {
        known = e
        flush()
      },
      () => undefined,
    )
  }
  return {
    list(arns: string[]): [string, number][] {
      return arns.map((arn) => [arn, slots.push(undefined) - 1])
    },
    settle(index: number, detail: AccessEntryDetail | null) {
      slots[index] = detail
      flush()
    },
    listComplete() {
      complete = true
    },
    drain() {
      if (held.length > 0) send()
      clearTimeout(timer)
    },
  }
}

/**
 * A failure that leaves the other entries readable: EKS throttling the burst, a 5xx, a dropped connection, a call
 * that outlived the upstream timeout, each already retried by the SDK. Anything else (no permission, a bad request) would hit every entry alike and fails
 * the page.
 */
function isPassingFailure(error: unknown): error is ConsoleError {
  return (
    isConsoleError(error) &&
    ['throttled', 'upstream_unavailable', 'upstream_unreachable', 'upstream_timeout'].includes(error.code)
  )
}
