import 'server-only'

import { randomUUID } from 'node:crypto'

import { ConsoleError } from '@/lib/api/console-error'
import { logServerError } from '@/lib/api/server/log-server-error'
import type { AuditEventDto, AuditFacets, AuditPage, AuditQueryParams } from '@/lib/audit/audit-dto'

import { decodeAuditCursor, encodeAuditCursor, type AuditStore, type StoredAuditEvent } from './audit-store'
import { getAuditStore, getRecordingFailures } from './audit-store-instance'

/**
 * Runs a read on the store; a store that cannot be opened or read becomes a 503 that names the audit store (the
 * cause, which may hold a path or a connection string, goes to the server log only).
 */
async function readStore<T>(where: string, read: (store: AuditStore) => Promise<T>): Promise<T> {
  try {
    return await read(await getAuditStore())
  } catch (error) {
    const reference = randomUUID().slice(0, 8)
    logServerError(reference, where, error)
    throw new ConsoleError(
      'upstream_unavailable',
      `The audit log's store cannot be read right now (reference ${reference}); the console's server log says why.`,
    )
  }
}

/** The DTO of a stored event (dates as ISO strings, absent before/after stay absent). */
export function toAuditEventDto(event: StoredAuditEvent): AuditEventDto {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actor: event.actor,
    action: event.action,
    cluster: event.cluster ?? null,
    target: event.target,
    result: event.result,
    message: event.message ?? null,
    ...('before' in event ? { before: event.before } : {}),
    ...('after' in event ? { after: event.after } : {}),
  }
}

/** One page of the audit log for GET /api/audit, newest first, with the recording failures of this server. */
export async function listAuditEvents(params: AuditQueryParams): Promise<AuditPage> {
  const cursor = params.cursor ? decodeAuditCursor(params.cursor) : undefined
  if (cursor === null) {
    throw new ConsoleError('validation_failed', 'Some fields are not valid.', {
      issues: [{ path: ['cursor'], message: 'Not a cursor this server issued' }],
    })
  }
  const page = await readStore('Reading the audit log', (store) =>
    store.query({
      cluster: params.cluster,
      actor: params.actor,
      action: params.action,
      result: params.result,
      since: params.since ? new Date(params.since) : undefined,
      until: params.until ? new Date(params.until) : undefined,
      cursor,
      limit: params.limit,
    }),
  )
  return {
    events: page.events.map(toAuditEventDto),
    nextCursor: page.nextCursor ? encodeAuditCursor(page.nextCursor) : null,
    recordingFailures: await getRecordingFailures(),
  }
}

/** The clusters and actions present in the log, for the filter selects. */
export async function listAuditFacets(): Promise<AuditFacets> {
  return readStore('Reading the audit log facets', (store) => store.facets())
}
