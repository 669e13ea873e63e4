import 'server-only'

import type { RequestAttributes } from '@/lib/access/rules'
import { ConsoleError } from '@/lib/api/console-error'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import {
  toRequestAttributes,
  type PrincipalQuery,
  type WhoCanQuery,
  type WhyForbiddenQuery,
} from '@/lib/effective-access/effective-access-schemas'
import { parseForbiddenMessage } from '@/lib/effective-access/forbidden-message'
import { resolveIdentity } from '@/lib/effective-access/identity'
import { analyzePrincipalAccess, type PrincipalAnalysis } from '@/lib/effective-access/principal-analysis'
import { findPrincipalsByUsername, type UsernameMatch } from '@/lib/effective-access/principal-by-username'
import { listKnownPrincipals, whoCan, type WhoCanAnswer } from '@/lib/effective-access/who-can'
import { diagnoseRequest, type Diagnosis } from '@/lib/effective-access/why-forbidden'

import { loadClusterSnapshot, type ClusterSnapshot } from './cluster-snapshot'
import { crossCheckRbac, crossCheckWhoCan, type CrossCheck, type WhoCanCrossCheck } from './cross-check'
import { loadPrincipalFacts } from './principal-facts'

/** The session name cross-checks render usernames with (the one `aws eks get-token --role-arn` uses). */
const CROSS_CHECK_SESSION = 'EKSGetTokenAuth'

/** How many namespace rows a matrix gets when the question names none. */
const DEFAULT_MATRIX_NAMESPACES = 60

type SnapshotInfo = {
  cluster: { region: string; name: string; authenticationMode: string }
  loadedAt: string
  gaps: string[]
}

const info = (s: ClusterSnapshot): SnapshotInfo => ({
  cluster: { region: s.ref.region, name: s.ref.name, authenticationMode: s.authenticationMode },
  loadedAt: s.loadedAt,
  gaps: s.gaps,
})

/** "What can this principal do?" — its identity, holdings and matrix. */
export async function analyzePrincipal(
  ref: ClusterRef,
  query: PrincipalQuery,
): Promise<SnapshotInfo & PrincipalAnalysis & { namespacesShown: string[]; namespacesTotal: number }> {
  const snapshot = await loadClusterSnapshot(ref)
  const principal = await loadPrincipalFacts(ref.region, query.principalArn, snapshot.accountId)
  const identity = resolveIdentity(snapshot.auth, query.principalArn, { sessionName: query.sessionName, principal })
  const unknown = (query.namespaces ?? []).filter((n) => !snapshot.namespaces.includes(n))
  if (unknown.length)
    throw new ConsoleError('validation_failed', `The cluster has no namespace ${unknown.join(', ')}.`, {
      issues: [{ path: ['namespaces'], message: `No such namespace: ${unknown.join(', ')}.` }],
    })
  const shown = query.namespaces ?? snapshot.namespaces.slice(0, DEFAULT_MATRIX_NAMESPACES)
  return {
    ...info(snapshot),
    ...analyzePrincipalAccess(snapshot.rbac, identity, shown),
    namespacesShown: shown,
    namespacesTotal: snapshot.namespaces.length,
  }
}

/** "Who can …?" over every known principal and bound subject. */
export async function answerWhoCan(
  ref: ClusterRef,
  query: WhoCanQuery,
): Promise<SnapshotInfo & WhoCanAnswer & { crossCheck: WhoCanCrossCheck | null }> {
  const snapshot = await loadClusterSnapshot(ref)
  const attrs = toRequestAttributes(query)
  const answer = whoCan(snapshot.rbac, snapshot.auth, attrs)
  // Both sides render {{SessionName}} the same way: as `aws eks get-token --role-arn` names its session.
  const identities = query.crossCheck
    ? listKnownPrincipals(snapshot.auth)
        .map((arn) => resolveIdentity(snapshot.auth, arn, { sessionName: CROSS_CHECK_SESSION }))
        .filter((i) => i.via !== null)
    : []
  const crossCheck = query.crossCheck ? await crossCheckWhoCan(ref, snapshot.rbac, identities, attrs) : null
  return { ...info(snapshot), ...answer, crossCheck }
}

export type ForbiddenExplanation = SnapshotInfo & {
  /** The username in the pasted message, when one was pasted. */
  username: string | null
  /** The principals that username can belong to (more than one: the first is diagnosed). */
  candidates: UsernameMatch[]
  diagnosis: Diagnosis | null
  /** The RBAC part of the answer, asked of the cluster with a SubjectAccessReview. */
  crossCheck: CrossCheck | null
}

/** "Why Forbidden?" for a pasted message or a principal + request. */
export async function explainForbidden(ref: ClusterRef, query: WhyForbiddenQuery): Promise<ForbiddenExplanation> {
  const snapshot = await loadClusterSnapshot(ref)
  let request: RequestAttributes
  let username: string | null = null
  let candidates: UsernameMatch[] = []
  let principalArn = query.principalArn
  let sessionName = query.sessionName
  if (query.message) {
    const parsed = parseForbiddenMessage(query.message)
    if (!parsed)
      throw new ConsoleError('validation_failed', 'That is not a Kubernetes Forbidden message.', {
        issues: [
          {
            path: ['message'],
            message:
              'Paste the whole line, like: User "…" cannot list resource "pods" in API group "" in the namespace "team-a".',
          },
        ],
      })
    request = parsed.attrs
    username = parsed.username
    candidates = findPrincipalsByUsername(snapshot.auth, parsed.username)
    principalArn ??= candidates[0]?.principalArn
    sessionName ??= candidates.find((c) => c.principalArn === principalArn)?.sessionName
  } else {
    request = toRequestAttributes({ ...query, verb: query.verb ?? '' })
  }
  if (!principalArn) return { ...info(snapshot), username, candidates, diagnosis: null, crossCheck: null }
  const principal = await loadPrincipalFacts(ref.region, principalArn, snapshot.accountId)
  const identity = resolveIdentity(snapshot.auth, principalArn, { sessionName, principal })
  const diagnosis = diagnoseRequest(snapshot.rbac, identity, request, {
    authenticationMode: snapshot.authenticationMode,
  })
  const crossCheck = await crossCheckRbac(ref, snapshot.rbac, identity, diagnosis.request)
  return { ...info(snapshot), username, candidates, diagnosis, crossCheck }
}
