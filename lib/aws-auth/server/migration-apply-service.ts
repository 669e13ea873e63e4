import 'server-only'

import type { z } from 'zod'

import { changeAuthenticationMode } from '@/lib/access/server/authentication-mode-service'
import { getClusterUpdate } from '@/lib/access/server/authentication-mode-state'
import { forgetEntryDetail } from '@/lib/access/server/entry-detail-cache'
import { ConsoleError, isConsoleError } from '@/lib/api/console-error'
import { auditedWrite, type Actor } from '@/lib/audit/server/audited-write'
import { recordAuditEvent } from '@/lib/audit/server/record-audit-event'
import type { EntryResult, MigrationStepResultDto } from '@/lib/aws-auth/migration-dto'
import type { migrationStepSchema } from '@/lib/aws-auth/migration-schemas'
import { associateAccessPolicy, createAccessEntry } from '@/lib/aws/access-entries'
import { getAuthenticationMode } from '@/lib/aws/authentication-mode'
import type { AuthenticationMode, ClusterRef } from '@/lib/clusters/cluster-schemas'
import { deleteConfigMap } from '@/lib/k8s/kube-config-maps'

import { AWS_AUTH } from './aws-auth-service'
import { mapBounded } from './map-bounded'
import { loadMigrationPlan } from './migration-plan-service'

type Step = z.output<typeof migrationStepSchema>
type Entry = Extract<Step, { step: 'create-entries' }>['entries'][number]

/** EKS calls in flight while creating entries: bounded so a 500-row migration does not trip EKS throttling. */
export const ENTRY_CONCURRENCY = 10
const POLL_MS = 1_000
const WAIT_LIMIT_MS = 15 * 60_000

/** Waits on DescribeUpdate until the mode switch leaves InProgress; a failed or cancelled one is an error. */
async function waitForUpdate(ref: ClusterRef, updateId: string, pollMs = POLL_MS): Promise<void> {
  const deadline = Date.now() + WAIT_LIMIT_MS
  for (;;) {
    const update = await getClusterUpdate(ref.region, ref.name, updateId)
    if (update.status === 'Successful') return
    if (update.status !== 'InProgress') {
      const why = update.errors.map((e) => e.message).join(' ')
      throw new ConsoleError('conflict', `EKS update ${updateId} ended ${update.status}. ${why}`.trim())
    }
    if (Date.now() > deadline)
      throw new ConsoleError('upstream_timeout', `EKS update ${updateId} is still in progress.`)
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
}

async function switchAndWait(ref: ClusterRef, to: AuthenticationMode, actor: Actor, pollMs?: number) {
  const update = await changeAuthenticationMode({ region: ref.region, cluster: ref.name }, to, actor)
  await waitForUpdate(ref, update.id, pollMs)
  return update.id
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** One entry: CreateAccessEntry (an existing one is fine: a rerun), then its policies at cluster scope. Audited. */
async function createEntry(ref: ClusterRef, entry: Entry, actor: Actor): Promise<EntryResult> {
  const target = { region: ref.region, cluster: ref.name, principalArn: entry.principalArn }
  let status: EntryResult['status'] = 'created'
  try {
    try {
      await createAccessEntry({
        ...target,
        type: entry.type,
        username: entry.username,
        kubernetesGroups: entry.kubernetesGroups,
      })
    } catch (error) {
      if (!isConsoleError(error) || error.code !== 'conflict') throw error
      status = 'exists'
    }
    // AssociateAccessPolicy on an association that exists replaces its scope with the same one: safe to repeat.
    for (const policyArn of entry.policyArns) {
      await associateAccessPolicy({ ...target, policyArn, accessScope: { type: 'cluster', namespaces: [] } })
    }
  } catch (error) {
    status = 'failed'
    const message = errorMessage(error)
    await audit(ref, actor, entry, 'failed', message)
    return { id: entry.id, principalArn: entry.principalArn, status, message }
  } finally {
    forgetEntryDetail(target)
  }
  await audit(
    ref,
    actor,
    entry,
    'succeeded',
    status === 'exists' ? 'The entry already existed; policies associated.' : undefined,
  )
  return { id: entry.id, principalArn: entry.principalArn, status }
}

function audit(ref: ClusterRef, actor: Actor, entry: Entry, result: 'succeeded' | 'failed', message?: string) {
  return recordAuditEvent({
    actor: { name: actor.name, role: actor.role },
    action: 'aws-auth.migrate-entry',
    cluster: { region: ref.region, name: ref.name },
    target: entry.principalArn,
    after: entry,
    result,
    ...(message ? { message } : {}),
  })
}

/** Creates a batch of planned entries, ENTRY_CONCURRENCY at a time; each item reports its own result. */
export function createMigrationEntries(
  ref: ClusterRef,
  entries: readonly Entry[],
  actor: Actor,
): Promise<EntryResult[]> {
  return mapBounded(entries, ENTRY_CONCURRENCY, (entry) => createEntry(ref, entry, actor))
}

/**
 * Runs one step of the migration. Every step reads the cluster afresh, so a rerun after an interruption resumes:
 * the mode switch is skipped once done, existing entries count as done, and API is refused while the current plan
 * still has blockers or entries to create.
 */
export async function runMigrationStep(
  ref: ClusterRef,
  step: Step,
  actor: Actor,
  options: { pollMs?: number } = {},
): Promise<MigrationStepResultDto> {
  if (step.step === 'create-entries') {
    return { step: 'create-entries', results: await createMigrationEntries(ref, step.entries, actor) }
  }
  const mode = await getAuthenticationMode(ref.region, ref.name)
  if (step.step === 'enable-access-entries') {
    if (mode !== 'CONFIG_MAP') return { step: 'enable-access-entries', authenticationMode: mode, updateId: null }
    const { consolePrincipal } = await loadMigrationPlan(ref)
    if (!consolePrincipal.keepsAccess) throw new ConsoleError('conflict', consolePrincipal.message ?? 'Lockout.')
    const updateId = await switchAndWait(ref, 'API_AND_CONFIG_MAP', actor, options.pollMs)
    return { step: 'enable-access-entries', authenticationMode: 'API_AND_CONFIG_MAP', updateId }
  }
  if (step.targetMode === 'API_AND_CONFIG_MAP' || mode === 'CONFIG_MAP') {
    if (mode === 'CONFIG_MAP') throw new ConsoleError('conflict', 'Enable access entries first (API_AND_CONFIG_MAP).')
    return { step: 'finish', authenticationMode: mode, updateId: null, awsAuthDeleted: false }
  }
  let updateId: string | null = null
  if (mode === 'API_AND_CONFIG_MAP') {
    const { plan, consolePrincipal } = await loadMigrationPlan(ref)
    const missing = plan.items.filter((i) => i.action === 'create').map((i) => i.id)
    const refusals = [
      ...plan.apiBlockers,
      ...(consolePrincipal.keepsAccess ? [] : [consolePrincipal.message ?? 'The console would lose the cluster.']),
      ...(missing.length > 0
        ? [`${missing.length} mappings have no access entry yet (${missing.slice(0, 5).join(', ')}).`]
        : []),
    ]
    if (refusals.length > 0) {
      const message = `Switching to API now would lose access: ${refusals.join(' ')}`
      throw new ConsoleError('validation_failed', message, { issues: [{ path: ['targetMode'], message }] })
    }
    updateId = await switchAndWait(ref, 'API', actor, options.pollMs)
  }
  let awsAuthDeleted = false
  if (step.deleteAwsAuth) {
    await auditedWrite(
      { actor, action: 'aws-auth.delete', cluster: ref, target: `${AWS_AUTH.namespace}/${AWS_AUTH.name}` },
      () => deleteConfigMap(ref, AWS_AUTH.namespace, AWS_AUTH.name),
      () => ({ deleted: true, reason: 'The migration switched the cluster to API; EKS no longer reads aws-auth.' }),
    )
    awsAuthDeleted = true
  }
  return { step: 'finish', authenticationMode: 'API', updateId, awsAuthDeleted }
}
