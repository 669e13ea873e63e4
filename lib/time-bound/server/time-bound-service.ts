import 'server-only'

import type { Session } from 'next-auth'

import { ConsoleError } from '@/lib/api/console-error'
import { auditedWrite } from '@/lib/audit/server/audited-write'
import { describeSeconds, type TimeBoundSettingsInput } from '@/lib/time-bound/grant-duration'
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

/**
 * Sets the cluster's maximum length of time-bound access (admins; audited). It cannot go below the console's
 * minimum, or no grant could be made at all. Grants already made keep their end.
 */
export async function setClusterMaximum(
  target: ClusterTarget,
  input: TimeBoundSettingsInput,
  actor: Session['user'],
): Promise<{ maxSeconds: number }> {
  const before = await loadDurationBounds(target)
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
      before: { maxSeconds: before.maxSeconds },
    },
    async () => {
      await store.writeMaxSeconds(target, input.maxSeconds, actor.name)
      return { maxSeconds: input.maxSeconds }
    },
  )
}
