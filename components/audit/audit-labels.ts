import type { BadgeTone } from '@/components/ui/badge'
import type { AuditResult } from '@/lib/audit/audit-dto'
import type { ConsoleRole } from '@/lib/auth/console-role'
import { formatUtcDateTime } from '@/lib/utc-date-time'

// Actions other features record appear under their own name until they get a label here.
const actionLabels: Record<string, string> = {
  'access-entry.grant': 'Grant access',
  'access-entry.update': 'Edit access entry',
  'access-entry.delete': 'Delete access entry',
  'access-policy.associate': 'Associate access policy',
  'access-policy.disassociate': 'Remove access policy',
  'authentication-mode.update': 'Switch authentication mode',
  'service-account.create': 'Create service account',
  'service-account.annotate': 'Change IRSA role annotation',
  'pod-identity-association.create': 'Create Pod Identity association',
  'pod-identity-association.update': 'Change Pod Identity association',
  'pod-identity-association.delete': 'Delete Pod Identity association',
  'iam-role.create': 'Create IAM role',
  'iam-role.update-trust-policy': 'Fix IAM role trust policy',
  'iam-oidc-provider.create': 'Create IAM OIDC provider',
  'time-bound-grant.revoke': 'Revoke expired time-bound access',
  'time-bound-settings.update': 'Change time-bound settings',
  'access-request.create': 'Request access',
  'access-request.approve': 'Approve access request',
  'access-request.deny': 'Deny access request',
}

/** A person-readable name of an audit action (`access-entry.grant` → "Grant access"). */
export function auditActionLabel(action: string): string {
  return actionLabels[action] ?? action
}

export const resultTone: Record<AuditResult, BadgeTone> = {
  succeeded: 'green',
  partial: 'amber',
  failed: 'red',
  refused: 'violet',
}
export const roleTone: Record<ConsoleRole, BadgeTone> = { admin: 'violet', editor: 'blue', viewer: 'neutral' }

/** Event times in UTC, to the second (the log is compared with AWS CloudTrail, which is UTC). */
export function formatAuditTime(iso: string): string {
  return formatUtcDateTime(iso, 'seconds')
}

/** The last path segment of an ARN (`…:role/team/dev` → `dev`), for a short label beside the full ARN. */
export function shortTarget(target: string): string {
  return target.startsWith('arn:') ? (target.split(/[/:]/).pop() ?? target) : target
}
