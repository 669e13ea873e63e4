import 'server-only'

import type { Session } from 'next-auth'

import { accessPolicyArn } from '@/lib/access/policy-catalogue'
import { withClusterWriteLock } from '@/lib/access/server/cluster-write-lock'
import { forgetEntryDetail, getEntryDetail } from '@/lib/access/server/entry-detail-cache'
import { ConsoleError, isConsoleError } from '@/lib/api/console-error'
import { auditedWrite } from '@/lib/audit/server/audited-write'
import { associateAccessPolicy, createAccessEntry, deleteAccessEntry } from '@/lib/aws/access-entries'
import { env } from '@/lib/env'
import type { BreakGlassInput } from '@/lib/time-bound/break-glass-schema'
import type { GrantAddition, TimeBoundGrantDto } from '@/lib/time-bound/time-bound-dto'

import { recordPendingGrant } from './time-bound-grants'
import { getTimeBoundStore } from './time-bound-store-instance'

type ClusterTarget = { region: string; cluster: string }
const CLUSTER_ADMIN = accessPolicyArn('AmazonEKSClusterAdminPolicy')
const CLUSTER_SCOPE = { type: 'cluster' as const, namespaces: [] }

/** The IAM principal BREAK_GLASS_PRINCIPALS names for this person (by console user name, then email). */
function breakGlassPrincipal(actor: Session['user']): string {
  const principals = env.breakGlassPrincipals
  const arn = principals[actor.name] ?? (actor.email ? principals[actor.email] : undefined)
  if (!arn) {
    throw new ConsoleError(
      'forbidden',
      `No break-glass IAM principal is configured for ${actor.name}. An operator adds one to BREAK_GLASS_PRINCIPALS.`,
    )
  }
  return arn
}

async function readEntry(target: ClusterTarget & { principalArn: string }) {
  try {
    return await getEntryDetail(target, { fresh: true })
  } catch (error) {
    if (isConsoleError(error) && error.code === 'not_found') return null
    throw error
  }
}

/**
 * Break-glass: gives the admin's own configured IAM principal AmazonEKSClusterAdminPolicy (cluster scope) for at most
 * an hour, with a mandatory reason and no approval. It is a time-bound grant like any other (revoked by the
 * scheduler, exactly what it added), audited under its own `break-glass.grant` / `break-glass.revoke` actions.
 */
export async function breakGlass(
  target: ClusterTarget,
  input: BreakGlassInput,
  actor: Session['user'],
): Promise<{ principalArn: string; expiresAt: string }> {
  const principalArn = breakGlassPrincipal(actor)
  const entryTarget = { ...target, principalArn }
  return withClusterWriteLock(target, async () => {
    const before = await readEntry(entryTarget)
    if (before?.policies.some((p) => p.policyArn === CLUSTER_ADMIN && p.accessScope.type === 'cluster')) {
      throw new ConsoleError('conflict', `${principalArn} already has cluster admin on ${target.cluster}.`)
    }
    const addition: GrantAddition = before
      ? { kind: 'access-policy', principalArn, policyArn: CLUSTER_ADMIN, accessScope: CLUSTER_SCOPE }
      : {
          kind: 'access-entry',
          principalArn,
          username: null,
          kubernetesGroups: [],
          policies: [{ policyArn: CLUSTER_ADMIN, accessScope: CLUSTER_SCOPE }],
        }
    const endsAt = new Date(Date.now() + input.minutes * 60_000).toISOString()
    const duration = { kind: 'until' as const, endsAt }
    const pending = await recordPendingGrant(
      entryTarget,
      duration,
      { ...addition, breakGlassReason: input.reason },
      actor,
    )
    const event = { actor, action: 'break-glass.grant', cluster: { region: target.region, name: target.cluster } }
    return auditedWrite(
      { ...event, target: principalArn, before },
      async () => {
        try {
          if (!before) await createAccessEntry({ ...entryTarget, type: 'STANDARD', kubernetesGroups: [] })
          try {
            await associateAccessPolicy({ ...entryTarget, policyArn: CLUSTER_ADMIN, accessScope: CLUSTER_SCOPE })
          } catch (error) {
            // Leave nothing half-made: the entry this call created goes again.
            if (!before) await deleteAccessEntry(entryTarget).catch(() => undefined)
            throw error
          }
        } catch (error) {
          await pending?.discard()
          throw error
        } finally {
          forgetEntryDetail(entryTarget)
        }
        return { principalArn, expiresAt: endsAt, grantId: pending?.id, reason: input.reason }
      },
      (result) => result,
    ).then(({ principalArn: arn, expiresAt }) => ({ principalArn: arn, expiresAt }))
  })
}

/** Every break-glass grant still in force, across clusters (the banner every page shows while one lasts). */
export async function listActiveBreakGlass(): Promise<TimeBoundGrantDto[]> {
  const store = await getTimeBoundStore()
  const grants = (await store.listActive()).filter((g) => g.addition.breakGlassReason)
  return grants.map((g) => ({
    id: g.id,
    region: g.region,
    cluster: g.cluster,
    principalArn: g.principalArn,
    addition: g.addition,
    createdBy: g.createdBy,
    createdAt: g.createdAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    status: g.status,
    attempts: g.attempts,
    lastError: g.lastError,
    stuck: false,
  }))
}
