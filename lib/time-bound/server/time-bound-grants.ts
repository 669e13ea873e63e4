import 'server-only'

import { randomUUID } from 'node:crypto'

import { ConsoleError } from '@/lib/api/console-error'
import { env } from '@/lib/env'
import {
  DEFAULT_MAX_SECONDS,
  resolveExpiry,
  type DurationBounds,
  type GrantDuration,
} from '@/lib/time-bound/grant-duration'
import type { GrantAddition } from '@/lib/time-bound/time-bound-dto'

import { startRevocationScheduler } from './revocation-service'
import { getTimeBoundStore } from './time-bound-store-instance'

type ClusterTarget = { region: string; cluster: string }

/** The shortest (console-wide) and longest (this cluster's, set by an admin) time-bound grant. */
export async function loadDurationBounds(target: ClusterTarget): Promise<DurationBounds> {
  const store = await getTimeBoundStore()
  return {
    minSeconds: env.timeBoundMinSeconds,
    maxSeconds: (await store.readSettings(target))?.maxSeconds ?? DEFAULT_MAX_SECONDS,
  }
}

/**
 * A time-bound grant recorded before its AWS write; discard it when the write fails (nothing to revoke then), complete
 * its addition when the write tells more (a RoleBinding's uid).
 */
export type PendingGrant = {
  id: string
  expiresAt: Date
  discard: () => Promise<void>
  complete: (addition: GrantAddition) => Promise<void>
}

/**
 * Records a time-bound grant BEFORE the write that makes it, so no access the console hands out can outlive a crash
 * between the write and the record: if the write never happened, revocation finds nothing of it and says so. A
 * duration outside the cluster's bounds is refused on the form's duration field (nothing written). Null when the
 * grant is permanent.
 */
export async function recordPendingGrant(
  target: ClusterTarget & { principalArn: string },
  duration: GrantDuration | undefined,
  addition: GrantAddition,
  actor: { name: string },
  now = new Date(),
): Promise<PendingGrant | null> {
  if (!duration || duration.kind === 'permanent') return null
  const resolved = resolveExpiry(duration, await loadDurationBounds(target), now)
  if ('problem' in resolved) {
    throw new ConsoleError('validation_failed', resolved.problem, {
      issues: [{ path: ['duration'], message: resolved.problem }],
    })
  }
  const expiresAt = resolved.expiresAt as Date
  const store = await getTimeBoundStore()
  const id = randomUUID()
  await store.add({ id, ...target, addition, createdBy: actor.name, createdAt: now, expiresAt })
  // The scheduler normally runs since start-up; if it could not start then (database down), this starts it.
  void startRevocationScheduler().catch(() => undefined)
  return {
    id,
    expiresAt,
    discard: () => store.discard(id),
    complete: (completed) => store.updateAddition(id, completed),
  }
}

/**
 * Records a time-bound policy association before it is made (see {@link recordPendingGrant}). Only a NEW association
 * can be time-bound: revoking a re-scoped one would remove access that existed before the grant.
 */
export async function recordPendingAssociation(
  target: ClusterTarget & { principalArn: string },
  input: { policyArn: string; duration?: GrantDuration },
  accessScope: { type: 'cluster' | 'namespace'; namespaces: string[] },
  existing: boolean,
  actor: { name: string },
): Promise<PendingGrant | null> {
  if (!input.duration || input.duration.kind === 'permanent') return null
  if (existing) {
    const message =
      'This policy is already associated; only a new association can be time-bound. Remove it first, or keep it permanent.'
    throw new ConsoleError('validation_failed', message, { issues: [{ path: ['duration'], message }] })
  }
  const addition: GrantAddition = {
    kind: 'access-policy',
    principalArn: target.principalArn,
    policyArn: input.policyArn,
    accessScope,
  }
  return recordPendingGrant(target, input.duration, addition, actor)
}
