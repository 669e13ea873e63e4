import 'server-only'

import { randomUUID } from 'node:crypto'
import type { Session } from 'next-auth'

import { setAccessPolicy } from '@/lib/access/server/access-entry-service'
import { getEntryDetail } from '@/lib/access/server/entry-detail-cache'
import { grantAccess } from '@/lib/access/server/grant-access'
import { ConsoleError, isConsoleError } from '@/lib/api/console-error'
import { auditedWrite } from '@/lib/audit/server/audited-write'
import {
  REQUEST_TTL_MS,
  type AccessRequestDto,
  type CreateAccessRequestInput,
} from '@/lib/time-bound/access-request-schema'

import type { StoredRequest } from './access-request-store'
import { announceAccessRequest } from './announce-request'
import { getTimeBoundStore } from './time-bound-store-instance'

type ClusterTarget = { region: string; cluster: string }
type Actor = Session['user']
const policyName = (arn: string) => arn.split('/').pop() ?? arn

function toDto(r: StoredRequest, now: Date): AccessRequestDto {
  return {
    id: r.id,
    region: r.region,
    cluster: r.cluster,
    request: r.request,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    status: r.status,
    expired: r.status === 'pending' && r.expiresAt <= now,
    decidedBy: r.decidedBy,
    comment: r.comment,
  }
}

/** Files a request (any signed-in person), audited as `access-request.create` and announced to the webhook. */
export async function createAccessRequest(
  target: ClusterTarget,
  input: CreateAccessRequestInput,
  actor: Actor,
  now = new Date(),
): Promise<AccessRequestDto> {
  const store = (await getTimeBoundStore()).requests
  const stored = {
    id: randomUUID(),
    ...target,
    request: input,
    requestedBy: actor.name,
    requestedAt: now,
    expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
  }
  const event = { actor, action: 'access-request.create', cluster: { region: target.region, name: target.cluster } }
  await auditedWrite(
    { ...event, target: input.principalArn, before: null },
    () => store.add(stored),
    () => ({
      requestId: stored.id,
      ...input,
    }),
  )
  void announceAccessRequest(
    `${actor.name} asks for ${policyName(input.policyArn)} on ${target.cluster} for ${input.principalArn}: ${input.reason}`,
  )
  return toDto({ ...stored, status: 'pending', decidedBy: null, comment: null }, now)
}

/** Pending requests of one cluster, or of all (the badge), oldest first; expired ones say so. */
export async function listPendingRequests(target?: ClusterTarget, now = new Date()): Promise<AccessRequestDto[]> {
  const store = (await getTimeBoundStore()).requests
  return (await store.listPending(target)).map((r) => toDto(r, now))
}

/** Grants what an approved request asked for, as a time-bound grant made by the approver. */
async function grantRequest(r: StoredRequest, approver: Actor): Promise<void> {
  const entryTarget = { region: r.region, cluster: r.cluster, principalArn: r.request.principalArn }
  const { policyArn, accessScope, duration } = r.request
  const exists = await getEntryDetail(entryTarget, { fresh: true }).then(
    () => true,
    (error: unknown) => (isConsoleError(error) && error.code === 'not_found' ? false : Promise.reject(error)),
  )
  if (exists) {
    await setAccessPolicy(entryTarget, { policyArn, accessScope, duration }, approver, { kind: 'any' })
    return
  }
  const result = await grantAccess(
    { region: r.region, cluster: r.cluster },
    {
      principalArn: r.request.principalArn,
      type: 'STANDARD',
      kubernetesGroups: [],
      accessPolicies: [{ policyArn, accessScope }],
      duration,
    },
    approver,
  )
  if (!result.complete)
    throw new ConsoleError('upstream_error', 'The entry was created but the policy was not associated.')
}

/**
 * Approves (then grants) or denies a pending request. Nobody decides their own request; an expired or already decided
 * one cannot be decided (the store's conditional update makes a race between two admins decide it once).
 */
export async function decideAccessRequest(
  target: ClusterTarget,
  id: string,
  input: { decision: 'approve' | 'deny'; comment: string },
  actor: Actor,
  now = new Date(),
): Promise<AccessRequestDto> {
  const store = (await getTimeBoundStore()).requests
  const found = await store.get(id)
  if (!found || found.region !== target.region || found.cluster !== target.cluster) {
    throw new ConsoleError('not_found', 'No such access request on this cluster.')
  }
  if (found.requestedBy === actor.name) {
    throw new ConsoleError('forbidden', 'You cannot decide your own request; another admin has to.')
  }
  if (found.status !== 'pending') throw new ConsoleError('conflict', `This request was already ${found.status}.`)
  if (found.expiresAt <= now) throw new ConsoleError('conflict', 'This request expired before anyone decided it.')
  const status = input.decision === 'approve' ? 'approved' : 'denied'
  const event = {
    actor,
    action: `access-request.${input.decision}`,
    cluster: { region: target.region, name: target.cluster },
  }
  await auditedWrite(
    { ...event, target: found.request.principalArn, before: { requestId: id, status: 'pending' } },
    async () => {
      if (!(await store.decide(id, status, actor.name, input.comment, now))) {
        throw new ConsoleError('conflict', 'Someone decided this request meanwhile, or it expired.')
      }
      if (status === 'approved') await grantRequest(found, actor)
    },
    () => ({ requestId: id, status, comment: input.comment }),
  )
  void announceAccessRequest(
    `${actor.name} ${status} ${found.requestedBy}'s request for ${policyName(found.request.policyArn)} on ${target.cluster}${input.comment ? `: ${input.comment}` : ''}`,
  )
  return toDto({ ...found, status, decidedBy: actor.name, comment: input.comment }, now)
}
