import 'server-only'

import type { Session } from 'next-auth'

import type { AccessEntryDto, AccessScopeDto } from '@/lib/access/access-entry-dto'
import type { UpdateAccessEntryInput } from '@/lib/access/access-entry-schema'
import { assertLockoutGuard, findLockoutRisk, isClusterAdminPath, type AccessRemoval } from '@/lib/access/lockout-guard'
import { accessPolicyArn } from '@/lib/access/policy-catalogue'
import { ConsoleError, isConsoleError } from '@/lib/api/console-error'
import {
  associateAccessPolicy,
  deleteAccessEntry,
  disassociateAccessPolicy,
  listAccessEntryArns,
  updateAccessEntry,
} from '@/lib/aws/access-entries'
import type { GrantDuration } from '@/lib/time-bound/grant-duration'
import { recordPendingAssociation } from '@/lib/time-bound/server/time-bound-grants'

import {
  getConsolePrincipal,
  loadClusterAccessContext,
  matchConsolePrincipal,
  type ClusterAccessContext,
} from './cluster-access-context'
import { withClusterWriteLock } from './cluster-write-lock'
import { forgetEntryDetail, getEntryDetail } from './entry-detail-cache'
import { assertEntryVersion, type IfMatch } from './entry-version'
import { toAccessEntryDto } from './list-access-entries'
import { loadManagedEvidence } from './managed-evidence'
import { recordAccessChange, type AccessAction } from './record-access-change'

/** Addresses one access entry of one cluster. */
export type EntryTarget = { region: string; cluster: string; principalArn: string }
type Actor = Session['user']

/**
 * The entry as the access page shows it, read fresh from EKS. A caller that has already read the cluster (the grant)
 * passes its context, so DescribeCluster is not asked twice.
 */
export async function getAccessEntry(target: EntryTarget, cluster?: ClusterAccessContext): Promise<AccessEntryDto> {
  const [evidence, consolePrincipal, detail] = await Promise.all([
    (cluster ? Promise.resolve(cluster) : loadClusterAccessContext(target.region, target.cluster)).then(
      loadManagedEvidence,
    ),
    getConsolePrincipal(target.region),
    getEntryDetail(target, { fresh: true }),
  ])
  const others = await countOtherClusterAdmins(target)
  return toAccessEntryDto(detail, evidence, { otherClusterAdminCount: others, consolePrincipal })
}

async function countOtherClusterAdmins(target: EntryTarget): Promise<number> {
  const arns = await listAccessEntryArns({
    region: target.region,
    cluster: target.cluster,
    associatedPolicyArn: accessPolicyArn('AmazonEKSClusterAdminPolicy'),
  })
  const others = arns.filter((arn) => arn !== target.principalArn)
  const details = await Promise.all(
    others.map((principalArn) => getEntryDetail({ ...target, principalArn }, { fresh: true })),
  )
  return details.filter((d) => isClusterAdminPath(d.policies)).length
}

/** What a write is, as the audit log names it: the action and what was asked for. */
type WriteIntent = { action: AccessAction; detail: Record<string, unknown> }

/**
 * Records a change the console refused before calling AWS (an EKS-managed entry, a lockout-risky change by a
 * non-admin), so the log shows the attempt next to the writes. The typed-name confirmation an admin is asked for is
 * part of the normal flow and is not a refusal.
 */
async function recordRefusal(
  target: EntryTarget,
  actor: Actor,
  intent: WriteIntent,
  before: AccessEntryDto,
  error: ConsoleError,
): Promise<void> {
  await recordAccessChange({ actor, ...target, ...intent, before, result: 'refused', error })
}

/** What a write expects the entry to be: its If-Match, and whether one is required (see assertEntryVersion). */
type Expected = { ifMatch: IfMatch; required: boolean }

/**
 * Loads the entry fresh (call it under the cluster's write lock), refuses when EKS manages it (the same sentence the
 * page shows instead of controls), then checks the writer's If-Match against what it just read.
 */
async function loadChangeableEntry(
  target: EntryTarget,
  actor: Actor,
  intent: WriteIntent,
  expected: Expected,
): Promise<AccessEntryDto> {
  const entry = await getAccessEntry(target)
  if (entry.managedReason) {
    const refusal = new ConsoleError(
      'conflict',
      `This entry is managed by EKS and the console will not change it. ${entry.managedReason}`,
    )
    await recordRefusal(target, actor, intent, entry, refusal)
    throw refusal
  }
  assertEntryVersion(entry, expected.ifMatch, { required: expected.required })
  return entry
}

async function guardRemoval(
  target: EntryTarget,
  entry: AccessEntryDto,
  change: AccessRemoval,
  actor: Actor,
  confirmClusterName: string | undefined,
  intent: WriteIntent,
): Promise<void> {
  const [others, consolePrincipal] = await Promise.all([
    countOtherClusterAdmins(target),
    getConsolePrincipal(target.region),
  ])
  const risk = findLockoutRisk({
    policies: entry.policies,
    change,
    otherClusterAdminCount: others,
    consolePrincipal: matchConsolePrincipal(entry.principalArn, consolePrincipal),
  })
  try {
    assertLockoutGuard({ risk, cluster: target.cluster, role: actor.role, confirmClusterName })
  } catch (error) {
    if (isConsoleError(error) && error.code === 'forbidden') await recordRefusal(target, actor, intent, entry, error)
    throw error
  }
}

/** One single-call write: what it is, the entry as loaded before it, what was asked, and how to read the result. */
type AuditedWrite<T> = {
  action: AccessAction
  before: AccessEntryDto
  detail: Record<string, unknown>
  run: () => Promise<void>
  /** The state after the write, for the audit event and the caller (null when the entry is gone). */
  readAfter: () => Promise<T>
}

/**
 * Runs one write and records it: `before` is the entry the service loaded, `after` what EKS answers afterwards. A
 * failed write records the error's person-facing message; if only the read-back fails, the write still applied, so the
 * event records what was asked for and the read error goes to the caller.
 */
async function applyAudited<T extends AccessEntryDto | null>(
  target: EntryTarget,
  actor: Actor,
  write: AuditedWrite<T>,
): Promise<T> {
  const change = { actor, ...target, action: write.action, detail: write.detail, before: write.before }
  try {
    await write.run()
  } catch (error) {
    forgetEntryDetail(target)
    await recordAccessChange({ ...change, result: 'failed', error })
    throw error
  }
  forgetEntryDetail(target)
  let after: { value: T } | { error: unknown }
  try {
    after = { value: await write.readAfter() }
  } catch (error) {
    after = { error }
  }
  await recordAccessChange({ ...change, result: 'applied', ...('value' in after ? { after: after.value } : {}) })
  if ('error' in after) throw after.error
  return after.value
}

/** UpdateAccessEntry: username and/or groups of a STANDARD entry the customer owns. */
export async function changeAccessEntry(
  target: EntryTarget,
  input: UpdateAccessEntryInput,
  actor: Actor,
  ifMatch: IfMatch,
): Promise<AccessEntryDto> {
  const intent: WriteIntent = { action: 'access-entry.update', detail: input }
  return withClusterWriteLock(target, async () => {
    const entry = await loadChangeableEntry(target, actor, intent, { ifMatch, required: true })
    return applyAudited(target, actor, {
      ...intent,
      before: entry,
      run: () => updateAccessEntry({ ...target, ...input }),
      readAfter: () => getAccessEntry(target),
    })
  })
}

/** DeleteAccessEntry, behind the managed-entry refusal and the lockout guard. */
export async function removeAccessEntry(
  target: EntryTarget,
  input: { confirmClusterName?: string },
  actor: Actor,
  ifMatch: IfMatch,
): Promise<void> {
  const intent: WriteIntent = { action: 'access-entry.delete', detail: {} }
  await withClusterWriteLock(target, async () => {
    const entry = await loadChangeableEntry(target, actor, intent, { ifMatch, required: false })
    await guardRemoval(target, entry, { kind: 'delete-entry' }, actor, input.confirmClusterName, intent)
    // DeleteAccessEntry also removes the entry's policy associations, so nothing of it is left to read back.
    await applyAudited(target, actor, {
      ...intent,
      before: entry,
      run: () => deleteAccessEntry(target),
      readAfter: async () => null,
    })
  })
}

/** AssociateAccessPolicy: add a policy or change its scope (narrowing a cluster-admin path is guarded). */
export async function setAccessPolicy(
  target: EntryTarget,
  input: {
    policyArn: string
    accessScope: AccessScopeDto | { type: 'cluster'; namespaces?: string[] }
    confirmClusterName?: string
    duration?: GrantDuration
  },
  actor: Actor,
  ifMatch: IfMatch,
): Promise<AccessEntryDto> {
  const accessScope: AccessScopeDto = { type: input.accessScope.type, namespaces: input.accessScope.namespaces ?? [] }
  const intent: WriteIntent = { action: 'access-policy.associate', detail: { policyArn: input.policyArn, accessScope } }
  return withClusterWriteLock(target, async () => {
    const entry = await loadChangeableEntry(target, actor, intent, { ifMatch, required: true })
    const existing = entry.policies.some((p) => p.policyArn === input.policyArn)
    if (existing) {
      const change = { kind: 'change-scope' as const, policyArn: input.policyArn, accessScope }
      await guardRemoval(target, entry, change, actor, input.confirmClusterName, intent)
    }
    const pending = await recordPendingAssociation(target, input, accessScope, existing, actor)
    if (pending) intent.detail.timeBound = { grantId: pending.id, expiresAt: pending.expiresAt.toISOString() }
    return applyAudited(target, actor, {
      ...intent,
      before: entry,
      run: async () => {
        try {
          await associateAccessPolicy({ ...target, policyArn: input.policyArn, accessScope })
        } catch (error) {
          await pending?.discard()
          throw error
        }
      },
      readAfter: () => getAccessEntry(target),
    })
  })
}

/** DisassociateAccessPolicy, behind the lockout guard. */
export async function removeAccessPolicy(
  target: EntryTarget,
  input: { policyArn: string; confirmClusterName?: string },
  actor: Actor,
  ifMatch: IfMatch,
): Promise<AccessEntryDto> {
  const intent: WriteIntent = { action: 'access-policy.disassociate', detail: { policyArn: input.policyArn } }
  return withClusterWriteLock(target, async () => {
    const entry = await loadChangeableEntry(target, actor, intent, { ifMatch, required: false })
    if (!entry.policies.some((p) => p.policyArn === input.policyArn)) {
      throw new ConsoleError(
        'not_found',
        'That policy is not associated with this entry (it may have been removed already).',
      )
    }
    const change = { kind: 'remove-policy' as const, policyArn: input.policyArn }
    await guardRemoval(target, entry, change, actor, input.confirmClusterName, intent)
    return applyAudited(target, actor, {
      ...intent,
      before: entry,
      run: () => disassociateAccessPolicy({ ...target, policyArn: input.policyArn }),
      readAfter: () => getAccessEntry(target),
    })
  })
}
