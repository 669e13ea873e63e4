import 'server-only'

import { forgetEntryDetail, getEntryDetail } from '@/lib/access/server/entry-detail-cache'
import { isConsoleError } from '@/lib/api/console-error'
import {
  deleteAccessEntry,
  disassociateAccessPolicy,
  updateAccessEntry,
  type AssociatedPolicy,
} from '@/lib/aws/access-entries'
import type { GrantAddition } from '@/lib/time-bound/time-bound-dto'

import type { StoredGrant } from './time-bound-store'

/** What a revocation did: `revoked` = exactly what the grant added is gone; `drifted` = the entry had changed. */
export type RevokeOutcome = {
  status: 'revoked' | 'drifted'
  /** What was removed, one short phrase each (for the audit message). */
  removed: string[]
  /** How the entry differed from what the grant added (empty when not drifted). */
  drift: string[]
  /** What the revoker read before its write and after it (an access entry, the aws-auth rows); null = absent. */
  before: unknown
  after: unknown
}

type Scope = AssociatedPolicy['accessScope']
const policyName = (arn: string) => arn.split('/').pop() ?? arn
const sameScope = (a: Scope, b: Scope) =>
  a.type === b.type && [...a.namespaces].sort().join('\n') === [...b.namespaces].sort().join('\n')

async function readEntry(target: { region: string; cluster: string; principalArn: string }) {
  try {
    return await getEntryDetail(target, { fresh: true })
  } catch (error) {
    if (isConsoleError(error) && error.code === 'not_found') return null
    throw error
  }
}

/**
 * Which of the grant's policies are still as it left them (those it may remove), and how the others changed. A policy
 * someone re-scoped outside the console is no longer what the grant added, so it stays and is reported.
 */
function matchPolicies(added: { policyArn: string; accessScope: Scope }[], current: AssociatedPolicy[]) {
  const removable: string[] = []
  const drift: string[] = []
  for (const policy of added) {
    const now = current.find((p) => p.policyArn === policy.policyArn)
    if (!now) drift.push(`${policyName(policy.policyArn)} was already disassociated`)
    else if (!sameScope(now.accessScope, policy.accessScope)) {
      drift.push(`${policyName(policy.policyArn)} was re-scoped outside the console and was left in place`)
    } else removable.push(policy.policyArn)
  }
  return { removable, drift }
}

function additionPolicies(addition: AccessAddition) {
  return addition.kind === 'access-entry'
    ? addition.policies
    : [{ policyArn: addition.policyArn, accessScope: addition.accessScope }]
}

type AccessAddition = Extract<GrantAddition, { kind: 'access-entry' | 'access-policy' }>

/**
 * Removes exactly what one time-bound access grant added, reading the entry fresh first. A grant that created the
 * entry deletes it only when the entry is still just what the grant made; otherwise (and for a policy added to an
 * existing entry) it disassociates the grant's policies that are unchanged, takes the grant's groups back out, and
 * reports every difference as drift. Call it holding the cluster's write lock.
 */
export async function revokeAccessGrant(grant: StoredGrant & { addition: AccessAddition }): Promise<RevokeOutcome> {
  const target = { region: grant.region, cluster: grant.cluster, principalArn: grant.principalArn }
  const before = await readEntry(target)
  if (!before) {
    return {
      status: 'drifted',
      removed: [],
      drift: ['the access entry was deleted outside the console'],
      before,
      after: null,
    }
  }
  const addition = grant.addition
  const { removable, drift } = matchPolicies(additionPolicies(addition), before.policies)
  const removed: string[] = []
  try {
    if (addition.kind === 'access-entry') {
      const grantArns = new Set(addition.policies.map((p) => p.policyArn))
      const others = before.policies.filter((p) => !grantArns.has(p.policyArn)).map((p) => policyName(p.policyArn))
      if (others.length > 0) drift.push(`policies associated outside the console stay: ${others.join(', ')}`)
      const extraGroups = before.kubernetesGroups.filter((g) => !addition.kubernetesGroups.includes(g))
      if (extraGroups.length > 0) drift.push(`groups added outside the console stay: ${extraGroups.join(', ')}`)
      if (before.username !== addition.username && addition.username !== null) {
        drift.push(`the username was changed outside the console to ${before.username}`)
      }
      if (drift.length === 0) {
        await deleteAccessEntry(target)
        return { status: 'revoked', removed: ['the access entry'], drift, before, after: null }
      }
      const keptGroups = before.kubernetesGroups.filter((g) => !addition.kubernetesGroups.includes(g))
      if (keptGroups.length !== before.kubernetesGroups.length) {
        await updateAccessEntry({ ...target, kubernetesGroups: keptGroups })
        removed.push(`groups ${addition.kubernetesGroups.join(', ')}`)
      }
    }
    for (const policyArn of removable) {
      await disassociateAccessPolicy({ ...target, policyArn })
      removed.push(policyName(policyArn))
    }
  } finally {
    forgetEntryDetail(target)
  }
  const after = await readEntry(target).catch(() => null)
  return { status: drift.length === 0 ? 'revoked' : 'drifted', removed, drift, before, after }
}
