import 'server-only'

import type { ConsoleRole } from '@/lib/roles/console-role'

/** One write the console made, as the audit log keeps it: who, what, where, before, after, result. */
export interface AuditEvent {
  actor: { name: string; role: ConsoleRole }
  /** A stable verb-like name, e.g. `access-entry.create`, `pod-identity-association.delete`. */
  action: string
  cluster?: { region: string; name: string }
  /** What was changed, e.g. a principal ARN, `namespace/serviceaccount`, an association ID. */
  target: string
  before?: unknown
  after?: unknown
  result: 'succeeded' | 'partial' | 'failed'
  /** The error or partial-result message a person saw. */
  message?: string
}

/**
 * Records one audit event. PLACEHOLDER until the audit store lands: every write route calls this already, so the
 * store only has to fill it in.
 */
export async function recordAuditEvent(event: AuditEvent): Promise<void> {
  void event
}
