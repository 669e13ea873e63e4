import 'server-only'

import type { Session } from 'next-auth'

import type { GrantResult, GrantStep } from '@/lib/access/access-entry-dto'
import { nodeRoleAccountProblem, type CreateAccessEntryInput } from '@/lib/access/access-entry-schema'
import { ConsoleError, isConsoleError } from '@/lib/api/console-error'
import { associateAccessPolicy, createAccessEntry } from '@/lib/aws/access-entries'
import { recordPendingGrant } from '@/lib/time-bound/server/time-bound-grants'
import type { GrantAddition } from '@/lib/time-bound/time-bound-dto'

import { getAccessEntry } from './access-entry-service'
import { loadClusterAccessContext } from './cluster-access-context'
import { forgetEntryDetail } from './entry-detail-cache'
import { recordAccessChange } from './record-access-change'

/** What a time-bound grant of a new entry adds: the entry as asked for (revocation compares against it). */
function grantedEntry(input: CreateAccessEntryInput): GrantAddition {
  return {
    kind: 'access-entry',
    principalArn: input.principalArn,
    username: input.username ?? null,
    kubernetesGroups: input.kubernetesGroups,
    policies: input.accessPolicies.map((p) => ({
      policyArn: p.policyArn,
      accessScope: { type: p.accessScope.type, namespaces: p.accessScope.namespaces ?? [] },
    })),
  }
}

function stepError(error: unknown): GrantStep['error'] {
  if (isConsoleError(error)) return { code: error.code, message: error.message }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}

/**
 * Grants access in the only order EKS allows: CreateAccessEntry, then one AssociateAccessPolicy per policy. A failed
 * create throws (nothing applied; EKS's complaint lands on its field). A failed association does not roll back on its
 * own: the result lists exactly which steps applied and which did not, so the person can retry the rest or roll back.
 * A time-bound grant (input.duration) is recorded first and revoked by the scheduler when it ends.
 */
export async function grantAccess(
  target: { region: string; cluster: string },
  input: CreateAccessEntryInput,
  actor: Session['user'],
): Promise<GrantResult> {
  // Read once: the account check below and the entry read back at the end both use this context.
  const cluster = await loadClusterAccessContext(target.region, target.cluster)
  const problem = nodeRoleAccountProblem(input, cluster.accountId)
  if (problem) throw new ConsoleError('validation_failed', problem.message, { issues: [problem] })
  const entryTarget = { ...target, principalArn: input.principalArn }
  const pending = await recordPendingGrant(entryTarget, input.duration, grantedEntry(input), actor)
  const timeBound = pending ? { grantId: pending.id, expiresAt: pending.expiresAt.toISOString() } : undefined
  const audit = (result: 'applied' | 'partial' | 'failed', steps: GrantStep[]) =>
    recordAccessChange({
      actor,
      ...entryTarget,
      action: 'access-entry.grant',
      detail: { input, steps, ...(timeBound ? { timeBound } : {}) },
      result,
    })

  try {
    await createAccessEntry({
      ...entryTarget,
      type: input.type,
      username: input.username,
      kubernetesGroups: input.kubernetesGroups,
      tags: input.tags,
    })
  } catch (error) {
    await pending?.discard()
    await audit('failed', [{ kind: 'create-entry', status: 'failed', error: stepError(error) }])
    throw error
  }
  forgetEntryDetail(entryTarget)

  const steps: GrantStep[] = [{ kind: 'create-entry', status: 'applied' }]
  let failed = false
  for (const policy of input.accessPolicies) {
    const accessScope = { type: policy.accessScope.type, namespaces: policy.accessScope.namespaces ?? [] }
    const step: GrantStep = {
      kind: 'associate-policy',
      policyArn: policy.policyArn,
      accessScope,
      status: 'not-attempted',
    }
    steps.push(step)
    // After one failure, stop: later calls would likely fail the same way, and the person decides what happens next.
    if (failed) continue
    try {
      await associateAccessPolicy({ ...entryTarget, policyArn: policy.policyArn, accessScope })
      step.status = 'applied'
    } catch (error) {
      failed = true
      step.status = 'failed'
      step.error = stepError(error)
    }
  }
  forgetEntryDetail(entryTarget)
  await audit(failed ? 'partial' : 'applied', steps)
  const entry = await getAccessEntry(entryTarget, cluster).catch(() => null)
  return {
    principalArn: input.principalArn,
    complete: !failed,
    steps,
    entry,
    ...(timeBound ? { expiresAt: timeBound.expiresAt } : {}),
  }
}
