import 'server-only'

import type { Session } from 'next-auth'

import { ConsoleError } from '@/lib/api/console-error'
import { accessPolicyArn } from '@/lib/access/policy-catalogue'
import type { UpdateAccessEntryInput } from '@/lib/access/access-entry-schema'
import {
  associateAccessPolicy,
  deleteAccessEntry,
  disassociateAccessPolicy,
  listAccessEntryArns,
  updateAccessEntry,
} from '@/lib/aws/access-entries'

import type { AccessEntryDto, AccessScopeDto } from './access-entry-dto'
import { toAccessEntryDto } from './access-entries-page'
import { getConsolePrincipal, isConsolePrincipal, loadClusterAccessContext } from './cluster-access-context'
import { forgetEntryDetail, getEntryDetail } from './entry-detail-cache'
import { assertLockoutGuard, findLockoutRisk, isClusterAdminPath, type AccessRemoval } from './lockout-guard'
import { recordAccessChange } from './record-access-change'

/** Addresses one access entry of one cluster. */
export type EntryTarget = { region: string; cluster: string; principalArn: string }
type Actor = Session['user']

/** The entry as the access page shows it, read fresh from EKS. */
export async function getAccessEntry(target: EntryTarget): Promise<AccessEntryDto> {
  const [cluster, consolePrincipal, detail] = await Promise.all([
    loadClusterAccessContext(target.region, target.cluster),
    getConsolePrincipal(target.region),
    getEntryDetail(target, { fresh: true }),
  ])
  const others = await countOtherClusterAdmins(target)
  return toAccessEntryDto(detail, cluster, { otherClusterAdminCount: others, consolePrincipal })
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

/** Loads the entry and refuses when EKS manages it (the same sentence the page shows instead of controls). */
async function loadChangeableEntry(target: EntryTarget): Promise<AccessEntryDto> {
  const entry = await getAccessEntry(target)
  if (entry.managedReason) {
    throw new ConsoleError(
      'conflict',
      `This entry is managed by EKS and the console will not change it. ${entry.managedReason}`,
    )
  }
  return entry
}

async function guardRemoval(
  target: EntryTarget,
  entry: AccessEntryDto,
  change: AccessRemoval,
  actor: Actor,
  confirmClusterName: string | undefined,
): Promise<void> {
  const [others, consolePrincipal] = await Promise.all([
    countOtherClusterAdmins(target),
    getConsolePrincipal(target.region),
  ])
  const risk = findLockoutRisk({
    policies: entry.policies,
    change,
    otherClusterAdminCount: others,
    isConsolePrincipal: isConsolePrincipal(entry.principalArn, consolePrincipal),
  })
  assertLockoutGuard({ risk, cluster: target.cluster, role: actor.role, confirmClusterName })
}

async function audit(
  target: EntryTarget,
  actor: Actor,
  action: string,
  detail: Record<string, unknown>,
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run()
  } catch (error) {
    await recordAccessChange({ actor, ...target, action, detail, result: 'failed' })
    throw error
  } finally {
    forgetEntryDetail(target)
  }
  await recordAccessChange({ actor, ...target, action, detail, result: 'applied' })
}

/** UpdateAccessEntry: username and/or groups of a STANDARD entry the customer owns. */
export async function changeAccessEntry(
  target: EntryTarget,
  input: UpdateAccessEntryInput,
  actor: Actor,
): Promise<AccessEntryDto> {
  await loadChangeableEntry(target)
  await audit(target, actor, 'update-access-entry', input, () => updateAccessEntry({ ...target, ...input }))
  return getAccessEntry(target)
}

/** DeleteAccessEntry, behind the managed-entry refusal and the lockout guard. */
export async function removeAccessEntry(
  target: EntryTarget,
  input: { confirmClusterName?: string },
  actor: Actor,
): Promise<void> {
  const entry = await loadChangeableEntry(target)
  await guardRemoval(target, entry, { kind: 'delete-entry' }, actor, input.confirmClusterName)
  await audit(target, actor, 'delete-access-entry', { policies: entry.policies }, () => deleteAccessEntry(target))
}

/** AssociateAccessPolicy: add a policy or change its scope (narrowing a cluster-admin path is guarded). */
export async function setAccessPolicy(
  target: EntryTarget,
  input: {
    policyArn: string
    accessScope: AccessScopeDto | { type: 'cluster'; namespaces?: string[] }
    confirmClusterName?: string
  },
  actor: Actor,
): Promise<AccessEntryDto> {
  const entry = await loadChangeableEntry(target)
  const accessScope: AccessScopeDto = { type: input.accessScope.type, namespaces: input.accessScope.namespaces ?? [] }
  if (entry.policies.some((p) => p.policyArn === input.policyArn)) {
    const change = { kind: 'change-scope' as const, policyArn: input.policyArn, accessScope }
    await guardRemoval(target, entry, change, actor, input.confirmClusterName)
  }
  await audit(target, actor, 'associate-access-policy', { policyArn: input.policyArn, accessScope }, () =>
    associateAccessPolicy({ ...target, policyArn: input.policyArn, accessScope }),
  )
  return getAccessEntry(target)
}

/** DisassociateAccessPolicy, behind the lockout guard. */
export async function removeAccessPolicy(
  target: EntryTarget,
  input: { policyArn: string; confirmClusterName?: string },
  actor: Actor,
): Promise<AccessEntryDto> {
  const entry = await loadChangeableEntry(target)
  if (!entry.policies.some((p) => p.policyArn === input.policyArn)) {
    throw new ConsoleError(
      'not_found',
      'That policy is not associated with this entry (it may have been removed already).',
    )
  }
  await guardRemoval(
    target,
    entry,
    { kind: 'remove-policy', policyArn: input.policyArn },
    actor,
    input.confirmClusterName,
  )
  await audit(target, actor, 'disassociate-access-policy', { policyArn: input.policyArn }, () =>
    disassociateAccessPolicy({ ...target, policyArn: input.policyArn }),
  )
  return getAccessEntry(target)
}
