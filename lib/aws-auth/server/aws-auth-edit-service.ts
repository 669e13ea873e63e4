import 'server-only'

import type { V1ConfigMap } from '@kubernetes/client-node'

import { accessPolicyArn } from '@/lib/access/policy-catalogue'
import { ConsoleError } from '@/lib/api/console-error'
import { auditedWrite, type Actor } from '@/lib/audit/server/audited-write'
import { buildEksctlCommand, buildKubectlApplyCommand } from '@/lib/aws-auth/aws-auth-commands'
import type { AwsAuthApplyResultDto, AwsAuthPreviewDto } from '@/lib/aws-auth/aws-auth-dto'
import { applyAwsAuthChange, type AwsAuthChange } from '@/lib/aws-auth/aws-auth-edit'
import { checkAwsAuthLockout } from '@/lib/aws-auth/aws-auth-guard'
import { parseAwsAuth } from '@/lib/aws-auth/aws-auth-parse'
import type { awsAuthEditRequestSchema } from '@/lib/aws-auth/aws-auth-schemas'
import { findUsernameProblems } from '@/lib/aws-auth/aws-auth-validation'
import { listAccessEntryArns, listAssociatedPolicies } from '@/lib/aws/access-entries'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { createConfigMap, replaceConfigMap } from '@/lib/k8s/kube-config-maps'
import { recordPendingGrant } from '@/lib/time-bound/server/time-bound-grants'

import { AWS_AUTH, loadAwsAuthState, toApplyManifest, type AwsAuthState } from './aws-auth-service'

type EditRequest = import('zod').output<typeof awsAuthEditRequestSchema>
type Plan = AwsAuthPreviewDto & { state: AwsAuthState; data: Record<string, string> }

/** Whether an access entry with AmazonEKSClusterAdminPolicy at cluster scope exists (and the mode reads entries). */
async function hasClusterAdminEntry(ref: ClusterRef, state: AwsAuthState): Promise<boolean> {
  if (state.context.authenticationMode === 'CONFIG_MAP') return false
  const target = { region: ref.region, cluster: ref.name }
  const policyArn = accessPolicyArn('AmazonEKSClusterAdminPolicy')
  for (const principalArn of await listAccessEntryArns({ ...target, associatedPolicyArn: policyArn })) {
    const policies = await listAssociatedPolicies({ ...target, principalArn })
    if (policies.some((p) => p.policyArn === policyArn && p.accessScope.type === 'cluster')) return true
  }
  return false
}

function staleError(sent: string | null, current: string | null): ConsoleError {
  const message =
    current === null
      ? 'kube-system/aws-auth was deleted since you loaded it. Reload to see the current state.'
      : sent === null
        ? 'kube-system/aws-auth was created by someone else since you loaded it. Review it, then re-apply your change on top.'
        : 'kube-system/aws-auth changed since you loaded it. Review what changed, then re-apply your change on top.'
  return new ConsoleError('conflict', message, { detail: { resourceVersion: current, sentResourceVersion: sent } })
}

function warningsOf(change: AwsAuthChange): string[] {
  if (change.op !== 'add' && change.op !== 'update') return []
  const kind = change.section === 'mapRoles' ? 'role' : 'user'
  return findUsernameProblems(kind, change.mapping.username)
    .filter((p) => p.severity === 'warning')
    .map((p) => p.message)
}

/** Computes the change against the live ConfigMap: diff, guard, CLI; throws 409 when `resourceVersion` is stale. */
export async function planAwsAuthChange(ref: ClusterRef, request: EditRequest): Promise<Plan> {
  const state = await loadAwsAuthState(ref)
  const current = state.configMap?.metadata?.resourceVersion ?? null
  if (request.resourceVersion !== current) throw staleError(request.resourceVersion, current)
  const change = request.change as AwsAuthChange
  const edited = applyAwsAuthChange(state.data, change)
  if (!edited.ok) {
    const code = edited.reason === 'moved' ? 'conflict' : 'validation_failed'
    throw new ConsoleError(code, edited.message, {
      issues: [{ path: ['change', ...edited.path], message: edited.message }],
    })
  }
  const before = parseAwsAuth(state.data)
  const after = parseAwsAuth(edited.data)
  const inputs = { before, after, clusterName: ref.name, accessEntryArns: state.accessEntryArns }
  let guard = checkAwsAuthLockout({
    ...inputs,
    clusterAdminViaAccessEntry: false,
    confirmClusterName: request.confirmClusterName,
  })
  if (guard.risks.some((r) => r.kind === 'last-admin') && (await hasClusterAdminEntry(ref, state))) {
    guard = checkAwsAuthLockout({
      ...inputs,
      clusterAdminViaAccessEntry: true,
      confirmClusterName: request.confirmClusterName,
    })
  }
  const afterManifest = toApplyManifest(state.configMap, edited.data)
  return {
    state,
    data: edited.data,
    before: state.configMap ? toApplyManifest(state.configMap, state.data) : '',
    after: afterManifest,
    resourceVersion: current,
    creates: state.configMap === undefined,
    guard,
    warnings: warningsOf(change),
    commands: { eksctl: buildEksctlCommand(ref, change), kubectl: buildKubectlApplyCommand(afterManifest) },
  }
}

/** Records a time-bound added row before the ConfigMap is written (see recordPendingGrant); null when permanent. */
function recordPendingMapping(ref: ClusterRef, request: EditRequest, actor: Actor) {
  const change = request.change
  if (change.op !== 'add') return Promise.resolve(null)
  const target = { region: ref.region, cluster: ref.name, principalArn: change.mapping.arn }
  const addition = {
    kind: 'aws-auth-mapping' as const,
    principalArn: change.mapping.arn,
    section: change.section,
    username: change.mapping.username,
    groups: [...change.mapping.groups],
  }
  return recordPendingGrant(target, request.duration, addition, actor)
}

/** POST …/aws-auth/preview */
export async function previewAwsAuthChange(ref: ClusterRef, request: EditRequest): Promise<AwsAuthPreviewDto> {
  const { state: _state, data: _data, ...preview } = await planAwsAuthChange(ref, request)
  return preview
}

/**
 * PUT …/aws-auth: applies one change with the resourceVersion it was made against (409 when stale, also when another
 * write lands between our read and our PUT), creating the ConfigMap when it does not exist. Audited with before/after.
 */
export async function saveAwsAuthChange(
  ref: ClusterRef,
  request: EditRequest,
  actor: Actor,
): Promise<AwsAuthApplyResultDto> {
  const { state, data, ...plan } = await planAwsAuthChange(ref, request)
  if (!plan.guard.satisfied) {
    const message = `${plan.guard.risks.map((r) => r.message).join(' ')} Type the cluster name ${ref.name} to do it anyway.`
    throw new ConsoleError('validation_failed', message, { issues: [{ path: ['confirmClusterName'], message }] })
  }
  const pending = await recordPendingMapping(ref, request, actor)
  const existing = state.configMap
  const body: V1ConfigMap = existing
    ? { ...existing, metadata: { ...existing.metadata, managedFields: undefined }, data }
    : { apiVersion: 'v1', kind: 'ConfigMap', metadata: { ...AWS_AUTH }, data }
  const written = await auditedWrite(
    {
      actor,
      action: existing ? 'aws-auth.update' : 'aws-auth.create',
      cluster: ref,
      target: `${AWS_AUTH.namespace}/${AWS_AUTH.name}`,
      before: existing ? { resourceVersion: plan.resourceVersion, change: request.change, data: state.data } : null,
    },
    async () => {
      try {
        return await (existing ? replaceConfigMap(ref, body) : createConfigMap(ref, body))
      } catch (error) {
        await pending?.discard()
        throw error
      }
    },
    (cm) => ({
      resourceVersion: cm.metadata?.resourceVersion,
      data: cm.data ?? {},
      ...(pending ? { timeBound: { grantId: pending.id, expiresAt: pending.expiresAt.toISOString() } } : {}),
    }),
  )
  return {
    ...plan,
    resourceVersion: written.metadata?.resourceVersion ?? '',
    ...(pending ? { expiresAt: pending.expiresAt.toISOString() } : {}),
  }
}
