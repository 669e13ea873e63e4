import 'server-only'

import { recordAuditEvent } from '@/lib/audit/server/record-audit-event'

import type { RevokeOutcome } from './revoke-access-grant'
import type { StoredGrant } from './time-bound-store'

/** Who the audit log names for what the scheduler does: nobody clicked anything, the grant ran out. */
export const SYSTEM_ACTOR = { name: 'system', role: 'admin' } as const

/** The audit name of a grant's revocation by kind (`noun.verb`, like every other action). */
export const REVOKE_ACTION = 'time-bound-grant.revoke'
/** Break-glass access has its own audit category, for its grant and for its end. */
export const BREAK_GLASS_REVOKE_ACTION = 'break-glass.revoke'

const describeGrant = (grant: StoredGrant) =>
  `${grant.addition.breakGlassReason ? 'Break-glass grant' : 'Time-bound grant'} ${grant.id} (made by ${grant.createdBy}, ended ${grant.expiresAt.toISOString()})`

/**
 * Records the scheduler's revocation of one grant (or that it is stuck) as done by the system, naming the grant: who
 * made it, when it ended, what was removed and, when the entry changed outside the console, the drift.
 */
export async function recordRevocation(grant: StoredGrant, outcome: RevokeOutcome | { stuck: string }): Promise<void> {
  const base = {
    actor: SYSTEM_ACTOR,
    action: grant.addition.breakGlassReason ? BREAK_GLASS_REVOKE_ACTION : REVOKE_ACTION,
    cluster: { region: grant.region, name: grant.cluster },
    target: grant.principalArn,
  }
  if ('stuck' in outcome) {
    await recordAuditEvent({
      ...base,
      after: { grantId: grant.id, addition: grant.addition },
      result: 'failed',
      message: `${describeGrant(grant)} could not be revoked yet; the console keeps retrying. Last error: ${outcome.stuck}`,
    })
    return
  }
  const removed = outcome.removed.length > 0 ? `removed ${outcome.removed.join(', ')}` : 'removed nothing'
  const drift = outcome.drift.length > 0 ? ` Changed outside the console: ${outcome.drift.join('; ')}.` : ''
  await recordAuditEvent({
    ...base,
    before: outcome.before,
    after: outcome.after,
    result: 'succeeded',
    message: `${describeGrant(grant)} expired: ${removed}.${drift}`,
  })
}
