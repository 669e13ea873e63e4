import 'server-only'

import { isConsoleError } from '@/lib/api/console-error'
import { mapLimited } from '@/lib/aws/map-limited'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { RbacIndex } from '@/lib/effective-access/rbac-index'
import {
  buildDisagreementFindings,
  resolverAllows,
  toReviewIdentity,
  type ReviewIdentity,
  type ReviewOutcome,
} from '@/lib/findings/disagreement-findings'
import type { VerifiableFinding } from '@/lib/findings/finding-collector'
import type { Finding } from '@/lib/findings/findings-dto'
import type { CanIAttributes } from '@/lib/k8s/kube-reviews'
import { subjectCanI } from '@/lib/k8s/kube-subject-reviews'

/** Asks the cluster one SubjectAccessReview; true = allowed. Throws when it cannot be asked. */
export type AskCluster = (ref: ClusterRef, identity: ReviewIdentity, attrs: CanIAttributes) => Promise<boolean>

// Reviews are cheap for the API server, but a cluster with thousands of findings should not cost thousands of calls:
// the most severe findings are asked (they come sorted), the rest are counted as not asked.
const REVIEW_LIMIT = 200
const REVIEW_CONCURRENCY = 8

const askWithSubjectAccessReview: AskCluster = (ref, identity, attrs) =>
  subjectCanI(ref, { user: identity.user, groups: identity.groups }, attrs)

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Asks the cluster, as a SubjectAccessReview, the request behind each permission finding about an RBAC subject and
 * reports each disagreement with the resolver as a finding. Fail-soft: a review that cannot be asked (no permission to
 * create SubjectAccessReviews, the API server failing) is counted in `gaps` with the reason, never dropped silently;
 * after a refusal for lack of permission the rest are not asked (they would be refused alike).
 */
export async function crossCheckFindings(
  ref: ClusterRef,
  rbac: RbacIndex,
  verifiable: readonly VerifiableFinding[],
  options: { ask?: AskCluster; limit?: number } = {},
): Promise<{ findings: Finding[]; gaps: string[]; asked: number }> {
  const ask = options.ask ?? askWithSubjectAccessReview
  const asked = verifiable.slice(0, options.limit ?? REVIEW_LIMIT)
  let refusal: string | undefined
  const failures: string[] = []
  const answers = await mapLimited(asked, REVIEW_CONCURRENCY, async (item): Promise<ReviewOutcome | undefined> => {
    if (refusal) {
      failures.push(refusal)
      return undefined
    }
    const identity = toReviewIdentity(item.verify.subject)
    const r = item.verify.request
    try {
      const cluster = await ask(ref, identity, {
        verb: r.verb,
        group: r.apiGroup,
        resource: r.resource,
        subresource: r.subresource,
        namespace: r.namespace,
        name: r.name,
      })
      return { item, resolver: resolverAllows(rbac, identity, r), cluster }
    } catch (error) {
      const reason = message(error)
      if (isConsoleError(error) && error.code === 'kubernetes_forbidden') refusal = reason
      failures.push(reason)
      return undefined
    }
  })
  const outcomes = answers.filter((a): a is ReviewOutcome => a !== undefined)
  const gaps: string[] = []
  if (failures.length > 0)
    gaps.push(
      `SubjectAccessReview cross-check: ${failures.length} of ${asked.length} permission findings could not be checked against the cluster (${failures[0]})`,
    )
  if (verifiable.length > asked.length)
    gaps.push(
      `SubjectAccessReview cross-check: the ${asked.length} most severe of ${verifiable.length} permission findings were checked against the cluster, the rest were not`,
    )
  return { findings: buildDisagreementFindings(ref, outcomes), gaps, asked: outcomes.length }
}
