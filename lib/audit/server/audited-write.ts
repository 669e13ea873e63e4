import 'server-only'

import type { Session } from 'next-auth'

import { isConsoleError } from '@/lib/api/console-error'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { recordAuditEvent } from './record-audit-event'

/** Who made a change (the console session's user). */
export type Actor = Session['user']

/**
 * What the audit log keeps of a failure: a ConsoleError's message (written for people: the sentence they saw), and for
 * anything else a fixed sentence. A raw error's text can carry hosts, tokens or stack details; it goes to the server
 * log (logServerError), never into the audit log that every viewer can read.
 */
export function auditErrorMessage(error: unknown): string | undefined {
  if (error === undefined) return undefined
  return isConsoleError(error) ? error.message : 'The request failed (the server log has the details).'
}

/**
 * Runs one write and records it under its `noun.verb` action name (e.g. `pod-identity-association.create`):
 * `succeeded` with `after` (computed from the result), or `failed` with {@link auditErrorMessage}, then rethrows.
 */
export async function auditedWrite<T>(
  event: { actor: Actor; action: string; cluster?: ClusterRef; target: string; before?: unknown },
  run: () => Promise<T>,
  after: (result: T) => unknown = (result) => result,
): Promise<T> {
  const base = {
    actor: { name: event.actor.name, role: event.actor.role },
    action: event.action,
    ...(event.cluster ? { cluster: { region: event.cluster.region, name: event.cluster.name } } : {}),
    target: event.target,
    before: event.before,
  }
  let result: T
  try {
    result = await run()
  } catch (error) {
    await recordAuditEvent({ ...base, result: 'failed', message: auditErrorMessage(error) })
    throw error
  }
  await recordAuditEvent({ ...base, after: after(result), result: 'succeeded' })
  return result
}
