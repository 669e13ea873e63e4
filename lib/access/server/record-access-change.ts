import 'server-only'

import type { Session } from 'next-auth'

import type { GrantStep } from '@/lib/access/access-entry-dto'
import { auditErrorMessage } from '@/lib/audit/server/audited-write'
import { recordAuditEvent, type AuditEvent } from '@/lib/audit/server/record-audit-event'
import type { AuthenticationMode } from '@/lib/clusters/cluster-schemas'

/** The access-entry writes, by the audit log's `noun.verb` names (stored rows keep these names). */
export type AccessAction =
  | 'access-entry.grant'
  | 'access-entry.update'
  | 'access-entry.delete'
  | 'access-policy.associate'
  | 'access-policy.disassociate'

/** One write the console made to a cluster's access entries. */
export type AccessChange = {
  actor: Session['user']
  region: string
  cluster: string
  /** The audit log's `noun.verb` name, written by the service (e.g. `access-entry.grant`). */
  action: AccessAction
  principalArn: string
  detail: Record<string, unknown>
  /** `refused`: the console turned the change down itself (managed entry, lockout guard) before calling AWS. */
  result: 'applied' | 'partial' | 'failed' | 'refused'
  /** The entry as it was before the write (e.g. the AccessEntryDto the service loaded); omitted = not recorded. */
  before?: unknown
  /** The entry after the write (null once deleted); when omitted, what the request asked for is recorded. */
  after?: unknown
  /** What the person was told; for a failure, the error they saw (derived from `error` when omitted). */
  message?: string
  /** The failure itself: only a ConsoleError's message (written for people) is recorded, never a raw error's. */
  error?: unknown
}

const results = { applied: 'succeeded', partial: 'partial', failed: 'failed', refused: 'refused' } as const

const policyName = (arn: unknown) => (typeof arn === 'string' ? (arn.split('/').pop() ?? arn) : 'policy')

/** A grant's before/after/message from its steps: CreateAccessEntry, then one AssociateAccessPolicy per policy. */
function describeGrant(change: AccessChange): Pick<AuditEvent, 'before' | 'after' | 'message'> {
  const input = (change.detail.input ?? {}) as Record<string, unknown>
  const steps = (change.detail.steps ?? []) as GrantStep[]
  const requested = {
    principalArn: change.principalArn,
    type: input.type,
    username: input.username,
    kubernetesGroups: input.kubernetesGroups,
    accessPolicies: input.accessPolicies,
  }
  const failed = steps.filter((s) => s.status === 'failed')
  const message = failed
    .map(
      (s) => `${s.kind === 'create-entry' ? 'Create the access entry' : policyName(s.policyArn)}: ${s.error?.message}`,
    )
    .join('; ')
  if (change.result === 'failed') return { after: requested, message: message || undefined }
  // CreateAccessEntry succeeded, so the entry did not exist before (EKS answers ResourceInUseException otherwise).
  const associated = steps
    .filter((s) => s.kind === 'associate-policy' && s.status === 'applied')
    .map((s) => ({ policyArn: s.policyArn, accessScope: s.accessScope }))
  const notAssociated = steps.filter((s) => s.kind === 'associate-policy' && s.status !== 'applied').length
  return {
    before: null,
    after: { ...requested, accessPolicies: associated },
    message:
      change.result === 'partial'
        ? `The entry was created; ${notAssociated} access ${notAssociated === 1 ? 'policy was' : 'policies were'} not associated. ${message}`
        : undefined,
  }
}

/** The entry without one policy: what DisassociateAccessPolicy leaves (or was asked to leave) of `before`. */
function withoutPolicy(before: unknown, policyArn: unknown): unknown {
  const entry = before as { policies?: unknown } | null | undefined
  if (!entry || !Array.isArray(entry.policies)) return undefined
  return { ...entry, policies: entry.policies.filter((p: { policyArn?: unknown }) => p.policyArn !== policyArn) }
}

/**
 * Before/after for the single-call writes. The service passes the entry it loaded as `before` and the entry it read
 * back as `after`; these are the fallbacks when it could not (e.g. the read-back failed after the write applied).
 */
function describeWrite(change: AccessChange): Pick<AuditEvent, 'before' | 'after' | 'message'> {
  switch (change.action) {
    case 'access-entry.delete':
      return {
        before: change.before ?? { principalArn: change.principalArn, ...change.detail },
        after: change.result === 'applied' ? null : undefined,
      }
    case 'access-policy.disassociate':
      return {
        before: change.before ?? change.detail,
        after: withoutPolicy(change.before, change.detail.policyArn) ?? change.detail,
      }
    default:
      return { before: change.before, after: change.detail }
  }
}

/** The single call site for auditing access-entry writes: records an audit event with before/after and the result. */
export async function recordAccessChange(change: AccessChange): Promise<void> {
  const described = change.action === 'access-entry.grant' ? describeGrant(change) : describeWrite(change)
  const before = change.before !== undefined ? change.before : described.before
  const after = change.after !== undefined ? change.after : described.after
  const message = change.message ?? auditErrorMessage(change.error) ?? described.message
  await recordAuditEvent({
    actor: { name: change.actor.name, role: change.actor.role },
    action: change.action,
    cluster: { region: change.region, name: change.cluster },
    target: change.principalArn,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    result: results[change.result],
    ...(message ? { message } : {}),
  })
}

/**
 * Records an authentication-mode switch (UpdateClusterConfig accessConfig). For the authentication-mode route to
 * call after `switchAuthenticationMode`: `before` is the mode it read, `after` the mode it asked for.
 */
export async function recordAuthenticationModeChange(change: {
  actor: Session['user']
  region: string
  cluster: string
  before: AuthenticationMode | null
  after: AuthenticationMode
  result: 'applied' | 'failed'
  error?: unknown
  /** The EKS update id to follow the switch with (DescribeUpdate). */
  updateId?: string
}): Promise<void> {
  const message =
    auditErrorMessage(change.error) ?? (change.updateId ? `EKS update ${change.updateId} started.` : undefined)
  await recordAuditEvent({
    actor: { name: change.actor.name, role: change.actor.role },
    action: 'authentication-mode.update',
    cluster: { region: change.region, name: change.cluster },
    target: change.cluster,
    before: change.before === null ? undefined : { authenticationMode: change.before },
    after: { authenticationMode: change.after },
    result: results[change.result],
    ...(message ? { message } : {}),
  })
}
