import 'server-only'

import { randomUUID } from 'node:crypto'
import type { Session } from 'next-auth'

import { ConsoleError } from '@/lib/api/console-error'
import { auditedWrite } from '@/lib/audit/server/audited-write'
import {
  REQUEST_TTL_MS,
  type AccessRequestDto,
  type AccessRequestFilter,
  type CreateAccessRequestInput,
} from '@/lib/time-bound/access-request-schema'
import { decisionRight } from '@/lib/time-bound/request-permissions'

import type { StoredRequest } from './access-request-store'
import { announceAccessRequest } from './announce-request'
import { grantRequest } from './grant-request'
import { getTimeBoundStore } from './time-bound-store-instance'

type ClusterTarget = { region: string; cluster: string }
type Actor = Session['user']
const policyName = (arn: string) => arn.split('/').pop() ?? arn

/** Whether editors may decide each cluster's requests, read once per cluster of a list. */
async function editorApprovals(requests: StoredRequest[]): Promise<(r: StoredRequest) => boolean> {
  const store = await getTimeBoundStore()
  const keys = [...new Set(requests.map((r) => `${r.region}\n${r.cluster}`))]
  const allowed = new Map(
    await Promise.all(
      keys.map(async (key) => {
        const [region = '', cluster = ''] = key.split('\n')
        return [key, (await store.readSettings({ region, cluster }))?.editorsMayApprove ?? false] as const
      }),
    ),
  )
  return (r) => allowed.get(`${r.region}\n${r.cluster}`) ?? false
}

function toDto(r: StoredRequest, actor: Actor, editorsMayApprove: boolean, now: Date): AccessRequestDto {
  const { kind: _kind, ...yourRight } = decisionRight(actor, r, { editorsMayApprove }, now)
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
    decidedAt: r.decidedAt?.toISOString() ?? null,
    comment: r.comment,
    yourRight,
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
    () => ({ requestId: stored.id, ...input }),
  )
  void announceAccessRequest(
    `${actor.name} asks for ${policyName(input.policyArn)} on ${target.cluster} for ${input.principalArn}: ${input.reason}`,
  )
  const full = { ...stored, status: 'pending' as const, decidedBy: null, decidedAt: null, comment: null }
  return toDto(full, actor, (await editorApprovals([full]))(full), now)
}

/**
 * The requests a filter selects (pending by default), of one cluster or of all, each with what `actor` may do with
 * it (the Requests page's buttons and the badge's count).
 */
export async function listAccessRequests(
  actor: Actor,
  filter: AccessRequestFilter = 'pending',
  target?: ClusterTarget,
  now = new Date(),
): Promise<AccessRequestDto[]> {
  const stored = await (await getTimeBoundStore()).requests.list(filter, now, target)
  const editors = await editorApprovals(stored)
  return stored.map((r) => toDto(r, actor, editors(r), now))
}

/** One request of a cluster (a deep link), with what `actor` may do with it. */
export async function getAccessRequest(target: ClusterTarget, id: string, actor: Actor): Promise<AccessRequestDto> {
  const found = await (await getTimeBoundStore()).requests.get(id)
  if (!found || found.region !== target.region || found.cluster !== target.cluster) {
    throw new ConsoleError('not_found', 'No such access request on this cluster.')
  }
  return toDto(found, actor, (await editorApprovals([found]))(found), new Date())
}

/**
 * Approves (then grants) or denies a pending request. The rule of {@link decisionRight} decides who may; the store's
 * conditional update decides a request once, so of two people deciding at the same moment one gets "already
 * decided" and nothing is granted or audited for them. A grant that fails puts the request back to pending.
 */
export async function decideAccessRequest(
  target: ClusterTarget,
  id: string,
  input: { decision: 'approve' | 'deny'; comment: string },
  actor: Actor,
  now = () => new Date(),
): Promise<AccessRequestDto> {
  const store = (await getTimeBoundStore()).requests
  const found = await store.get(id)
  if (!found || found.region !== target.region || found.cluster !== target.cluster) {
    throw new ConsoleError('not_found', 'No such access request on this cluster.')
  }
  const editorsMayApprove = (await editorApprovals([found]))(found)
  const right = decisionRight(actor, found, { editorsMayApprove }, now())
  if (!right.allowed) throw new ConsoleError(right.kind ?? 'forbidden', right.reason)
  const status = input.decision === 'approve' ? 'approved' : 'denied'
  const decidedAt = now()
  if (!(await store.decide(id, status, actor.name, input.comment, decidedAt))) {
    const latest = await store.get(id)
    throw new ConsoleError(
      'conflict',
      latest && latest.status !== 'pending'
        ? `This request was already ${latest.status} by ${latest.decidedBy ?? 'someone else'}.`
        : 'This request expired before anyone decided it; ask again.',
    )
  }
  const event = {
    actor,
    action: `access-request.${input.decision}`,
    cluster: { region: target.region, name: target.cluster },
  }
  await auditedWrite(
    { ...event, target: found.request.principalArn, before: { requestId: id, status: 'pending' } },
    async () => {
      if (status !== 'approved') return
      try {
        await grantRequest(found, actor)
      } catch (error) {
        await store.reopen(id, actor.name)
        throw error
      }
    },
    () => ({ requestId: id, status, comment: input.comment, requestedBy: found.requestedBy }),
  )
  void announceAccessRequest(
    `${actor.name} ${status} ${found.requestedBy}'s request for ${policyName(found.request.policyArn)} on ${target.cluster}${input.comment ? `: ${input.comment}` : ''}`,
  )
  return toDto(
    { ...found, status, decidedBy: actor.name, decidedAt, comment: input.comment },
    actor,
    editorsMayApprove,
    decidedAt,
  )
}
