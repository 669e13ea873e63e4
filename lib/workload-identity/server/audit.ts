import 'server-only'

import type { Session } from 'next-auth'

import { recordAuditEvent } from '@/lib/audit/server/record-audit-event'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

/** Who made a change (the console session's user). */
export type Actor = Session['user']

/**
 * Runs one write and records it: `succeeded` with `after` (computed from the result), or `failed` with the message
 * the person saw, then rethrows.
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
    await recordAuditEvent({
      ...base,
      result: 'failed',
      message: error instanceof Error ? error.message : String(error),
    })
    throw error
  }
  await recordAuditEvent({ ...base, after: after(result), result: 'succeeded' })
  return result
}
