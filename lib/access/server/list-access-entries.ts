import 'server-only'

import { compareAccessEntries } from '@/lib/access/access-entries-stream'
import type { AccessEntriesPage, AccessEntryDto } from '@/lib/access/access-entry-dto'
import { parseArn } from '@/lib/access/arn'
import { findLockoutRisk, isClusterAdminPath } from '@/lib/access/lockout-guard'
import { decideManagedEntry, type ManagedEntryEvidence } from '@/lib/access/managed-entries'
import { toAssociatedPolicyDto } from '@/lib/access/policy-catalogue'
import type { AccessEntryDetail } from '@/lib/aws/access-entries'

import {
  getConsolePrincipal,
  loadClusterAccessContext,
  matchConsolePrincipal,
  type ConsolePrincipal,
} from './cluster-access-context'
import { describeAllAccessEntries } from './describe-access-entries'
import { computeEntryVersion } from './entry-version'
import { loadManagedEvidence } from './managed-evidence'

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

  const inOrder = createInOrderEmitter(evidence as Promise<ManagedEntryEvidence>, consolePrincipal, options.onEntries)
  const { details, unreadable } = await describeAllAccessEntries(
    { region, cluster: name },
    {
      fresh: options.fresh,
      onListed: (arns) => inOrder.list(arns),
      onListComplete: () => inOrder.listComplete(),
      onSettled: (index, detail) => inOrder.settle(index, detail),
    },
  )

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

/**
 * Hands described entries to `onEntries` in list order: entry k waits for entries 0..k-1, so the stream's order does
 * not depend on which call EKS answered first. Nothing is emitted before the managed-entry evidence is in, so a row
 * never appears editable and then turns "Managed by EKS".
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
  const flush = () => {
    if (!onEntries || !known) return
    const ready: AccessEntryDetail[] = []
    while (next < slots.length && slots[next] !== undefined) {
      const detail = slots[next++]
      if (detail) ready.push(detail)
    }
    if (ready.length === 0 && !(complete && next === slots.length)) return
    const entries = ready.map((d) => toAccessEntryDto(d, known!, { otherClusterAdminCount: 0, consolePrincipal }))
    onEntries({ entries, listed: slots.length, listComplete: complete })
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
    /** Reserves a slot per listed entry, in list order (the loader numbers them the same way). */
    list(arns: string[]): void {
      for (const _arn of arns) slots.push(undefined)
    },
    settle(index: number, detail: AccessEntryDetail | null) {
      slots[index] = detail
      flush()
    },
    listComplete() {
      complete = true
    },
  }
}
