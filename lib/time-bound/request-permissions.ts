// Who may decide an access request: the one rule the Requests page (disabled buttons, the badge) and the decision
// route share, so the page never offers what the server refuses.
import { hasRole, type ConsoleRole } from '@/lib/auth/console-role'

import type { DecisionRight } from './access-request-schema'

/** The facts of one request that decide who may decide it. */
export type DecidableRequest = {
  requestedBy: string
  status: 'pending' | 'approved' | 'denied'
  expiresAt: Date
}

/** Why a decision is refused: the route maps `forbidden` to 403 and `conflict` to 409. */
export type RefusalKind = 'forbidden' | 'conflict'

/**
 * Whether `person` may approve or deny `request` at `now`. Admins may; editors only where an admin allowed it for the
 * request's cluster (`editorsMayApprove`); viewers never. Nobody decides their own request, and a request that is
 * decided already or expired undecided cannot be decided.
 */
export function decisionRight(
  person: { name: string; role: ConsoleRole },
  request: DecidableRequest,
  cluster: { editorsMayApprove: boolean },
  now: Date,
): DecisionRight & { kind?: RefusalKind } {
  if (!hasRole(person.role, 'editor')) {
    return {
      allowed: false,
      kind: 'forbidden',
      reason: 'Only admins, and editors where an admin allows it, decide requests.',
    }
  }
  if (person.role === 'editor' && !cluster.editorsMayApprove) {
    return {
      allowed: false,
      kind: 'forbidden',
      reason: 'On this cluster only admins decide requests; an admin can allow editors in its time-bound settings.',
    }
  }
  if (request.requestedBy === person.name) {
    return { allowed: false, kind: 'forbidden', reason: 'This is your own request: someone else has to decide it.' }
  }
  if (request.status !== 'pending') {
    return { allowed: false, kind: 'conflict', reason: `This request was already ${request.status}.` }
  }
  if (request.expiresAt <= now) {
    return { allowed: false, kind: 'conflict', reason: 'This request expired before anyone decided it; ask again.' }
  }
  return { allowed: true }
}
