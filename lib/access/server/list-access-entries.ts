import 'server-only'

import type { AccessEntriesPage, AccessEntryDto } from '@/lib/access/access-entry-dto'
import { parseArn } from '@/lib/access/arn'
import { findLockoutRisk, isClusterAdminPath } from '@/lib/access/lockout-guard'
import { decideManagedEntry, type ManagedEntryEvidence } from '@/lib/access/managed-entries'
import { toAssociatedPolicyDto } from '@/lib/access/policy-catalogue'
import { isConsoleError, type ConsoleError } from '@/lib/api/console-error'
import { listAccessEntryArns, type AccessEntryDetail } from '@/lib/aws/access-entries'
import { BULK_SOCKETS } from '@/lib/aws/aws-clients'

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
// cold load) is the floor there, not latency — while doubling the burst that EKS's API rate limit sees.
const ENTRY_CONCURRENCY = BULK_SOCKETS / 4

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

/** Runs `fn` over a growing queue with at most `limit` calls in flight; `close()` ends it once the queue drains. */
function createWorkQueue<T>(limit: number, fn: (item: T) => Promise<void>) {
  const queue: T[] = []
  let active = 0
  let closed = false
  let failure: unknown
  let settle: { resolve: () => void; reject: (e: unknown) => void } | undefined
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }))
  done.catch(() => undefined)
  const pump = () => {
    while (!failure && active < limit && queue.length > 0) {
      const item = queue.shift() as T
      active++
      fn(item)
        .catch((error: unknown) => {
          failure ??= error
          settle?.reject(error)
        })
        .finally(() => {
          active--
          pump()
        })
    }
    if (closed && active === 0 && queue.length === 0 && !failure) settle?.resolve()
  }
  return {
    push(items: T[]) {
      queue.push(...items)
      pump()
    },
    close() {
      closed = true
      pump()
      return done
    },
  }
}

/**
 * Everything the access page shows for one cluster: every entry with its details and policies, which ones EKS
 * manages, and which would trip the lockout guard. Describing starts while later ListAccessEntries pages load.
 */
export async function loadAccessEntriesPage(
  region: string,
  name: string,
  options: { fresh?: boolean } = {},
): Promise<AccessEntriesPage> {
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
  if (cluster.authenticationMode === 'CONFIG_MAP') return { ...base, available: false, entries: [], unreadable: [] }

  const details: AccessEntryDetail[] = []
  const unreadable: AccessEntriesPage['unreadable'] = []
  let firstPassingFailure: unknown
  const work = createWorkQueue<string>(ENTRY_CONCURRENCY, async (principalArn) => {
    try {
      details.push(await getEntryDetail({ region, cluster: name, principalArn }, options))
    } catch (error) {
      // Deleted between the list and the describe: it is simply gone.
      if (isConsoleError(error) && error.code === 'not_found') return
      if (!isPassingFailure(error)) throw error
      firstPassingFailure ??= error
      const principalName = parseArn(principalArn)?.name ?? principalArn
      unreadable.push({ principalArn, principalName, message: error.message })
    }
  })
  await listAccessEntryArns({ region, cluster: name }, (arns) => work.push(arns))
  await work.close()
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
    .sort((a, b) => a.principalName.localeCompare(b.principalName) || a.principalArn.localeCompare(b.principalArn))
  unreadable.sort((a, b) => a.principalName.localeCompare(b.principalName))
  return { ...base, available: true, entries, unreadable }
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
