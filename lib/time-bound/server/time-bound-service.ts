import 'server-only'

import type { Session } from 'next-auth'

import { ConsoleError } from '@/lib/api/console-error'
import { auditedWrite } from '@/lib/audit/server/audited-write'
import { env } from '@/lib/env'
import {
  DEFAULT_MAX_SECONDS,
  describeSeconds,
  type TimeBoundSettingsDto,
  type TimeBoundSettingsInput,
} from '@/lib/time-bound/grant-duration'
import type { TimeBoundGrantDto, TimeBoundGrantList } from '@/lib/time-bound/time-bound-dto'

import { STUCK_ATTEMPTS } from './revocation-scheduler'
import { loadDurationBounds } from './time-bound-grants'
import type { StoredGrant } from './time-bound-store'
import { getTimeBoundStore } from './time-bound-store-instance'

type ClusterTarget = { region: string; cluster: string }

function toDto(grant: StoredGrant): TimeBoundGrantDto {
  return {
    id: grant.id,
    region: grant.region,
    cluster: grant.cluster,
    principalArn: grant.principalArn,
    addition: grant.addition,
    createdBy: grant.createdBy,
    createdAt: grant.createdAt.toISOString(),
    expiresAt: grant.expiresAt.toISOString(),
    status: grant.status,
    attempts: grant.attempts,
    lastError: grant.lastError,
    stuck: grant.attempts >= STUCK_ATTEMPTS,
  }
}

/** The cluster's active time-bound grants (soonest end first) and the bounds a new one must respect. */
export async function listTimeBoundGrants(target: ClusterTarget): Promise<TimeBoundGrantList> {
  const store = await getTimeBoundStore()
  const [grants, bounds] = await Promise.all([store.listActive(target), loadDurationBounds(target)])
  return { grants: grants.map(toDto), bounds }
}

/** Every grant whose revocation keeps failing, across clusters: the banner every page shows while there is one. */
export async function listStuckGrants(): Promise<TimeBoundGrantDto[]> {
  const store = await getTimeBoundStore()
  return (await store.listFailing(STUCK_ATTEMPTS)).map(toDto)
}

/** The cluster's time-bound settings: its maximum (the default until an admin sets one) and who decides requests. */
export async function readClusterSettings(target: ClusterTarget): Promise<TimeBoundSettingsDto> {
  const saved = await (await getTimeBoundStore()).readSettings(target)
  return {
    maxSeconds: saved?.maxSeconds ?? DEFAULT_MAX_SECONDS,
    editorsMayApprove: saved?.editorsMayApprove ?? false,
    minSeconds: env.timeBoundMinSeconds,
    custom: saved !== null,
    updatedBy: saved?.updatedBy ?? null,
  }
}

/**
 * Saves the cluster's time-bound settings (admins; audited as `time-bound-settings.update` with before and after).
 * The maximum cannot go below the console's minimum, or no grant could be made at all; grants already made keep
 * their end, and requests already filed are checked against the maximum again when approved.
 */
export async function saveClusterSettings(
  target: ClusterTarget,
  input: TimeBoundSettingsInput,
  actor: Session['user'],
): Promise<TimeBoundSettingsDto> {
  const before = await readClusterSettings(target)
  if (input.maxSeconds < before.minSeconds) {
    const message = `The maximum cannot be shorter than the console's minimum (${describeSeconds(before.minSeconds)}).`
    throw new ConsoleError('validation_failed', message, { issues: [{ path: ['maxSeconds'], message }] })
  }
  const store = await getTimeBoundStore()
  return auditedWrite(
    {
      actor,
      action: 'time-bound-settings.update',
      cluster: { region: target.region, name: target.cluster },
      target: target.cluster,
      before: { maxSeconds: before.maxSeconds, editorsMayApprove: before.editorsMayApprove },
    },
    async () => {
      await store.writeSettings(target, input, actor.name)
      return { ...before, ...input, custom: true, updatedBy: actor.name }
    },
    (after) => ({ maxSeconds: after.maxSeconds, editorsMayApprove: after.editorsMayApprove }),
  )
}
