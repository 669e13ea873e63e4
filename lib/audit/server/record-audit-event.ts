import 'server-only'

import { randomUUID } from 'node:crypto'

import { logServerError } from '@/lib/api/server/log-server-error'
import type { AuditResult } from '@/lib/audit/audit-dto'
import type { ConsoleRole } from '@/lib/auth/console-role'

import { flushRecordingFailures, getAuditStore, noteRecordingFailure } from './audit-store-instance'

/** One write the console made, as the audit log keeps it: who, what, where, before, after, result. */
export interface AuditEvent {
  actor: { name: string; role: ConsoleRole }
  /** A stable verb-like name, e.g. `access-entry.create`, `pod-identity-association.delete`. */
  action: string
  cluster?: { region: string; name: string }
  /** What was changed, e.g. a principal ARN, `namespace/serviceaccount`, an association ID. */
  target: string
  /** The state before the write; `null` when nothing existed, omitted when the caller did not have it. */
  before?: unknown
  /** The state after the write (or what was asked for, when the write failed); `null` when it was deleted. */
  after?: unknown
  result: AuditResult
  /** The error or partial-result message a person saw. */
  message?: string
}

/**
 * Records one audit event. Never throws: by the time this runs the write has already happened (or failed) at AWS,
 * and a full disk or an unreachable database must not turn that into an error page. A failure is logged with the
 * event's summary (so an operator can re-enter it) and counted in the store (in memory until the store answers
 * again); the audit page shows the count as a warning.
 */
export async function recordAuditEvent(event: AuditEvent): Promise<void> {
  try {
    const store = await getAuditStore()
    await store.append(event)
    // The store answers again: count the events it missed meanwhile (a failure here leaves them for the next try).
    await flushRecordingFailures(store).catch(() => undefined)
  } catch (error) {
    const reference = randomUUID().slice(0, 8)
    const cluster = event.cluster ? `${event.cluster.region}/${event.cluster.name}` : '-'
    const summary = `${event.action} ${event.result} on ${cluster} target ${event.target} by ${event.actor.name}`
    logServerError(reference, `Recording audit event (${summary})`, error)
    noteRecordingFailure(reference)
  }
}
