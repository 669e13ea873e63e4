import 'server-only'

import type { RequestAttributes } from '@/lib/access/rules'
import { isConsoleError } from '@/lib/api/console-error'
import { mapLimited } from '@/lib/aws/map-limited'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { explainRequest } from '@/lib/effective-access/evaluate'
import type { ResolvedIdentity } from '@/lib/effective-access/identity'
import type { RbacIndex } from '@/lib/effective-access/rbac-index'
import { subjectCanI } from '@/lib/k8s/kube-subject-reviews'

/**
 * The resolver's RBAC answer beside the cluster's own. A SubjectAccessReview names a bare username and groups, so the
 * EKS webhook cannot tie it to an access entry and the cluster answers for RBAC (and system:masters) only
 * (docs/access-entries.md#how-permissions-combine): the comparison is made on that part. A disagreement is shown, never
 * hidden. `cluster` null: the console may not create SubjectAccessReviews there, or the question cannot be asked.
 */
export type CrossCheck = { resolver: boolean; cluster: boolean | null; agrees: boolean | null; note: string | null }

/** Asks the cluster the RBAC part of one request for a resolved identity (one SubjectAccessReview). */
export async function crossCheckRbac(
  ref: ClusterRef,
  rbac: RbacIndex,
  identity: ResolvedIdentity,
  attrs: RequestAttributes,
): Promise<CrossCheck | null> {
  if (identity.username === null) return null
  const user = identity.username
  const resolver =
    explainRequest(rbac, { username: user, groups: identity.groups, accessPolicies: [] }, attrs).length > 0
  if (attrs.nonResourceURL !== undefined || user.includes('{{'))
    return {
      resolver,
      cluster: null,
      agrees: null,
      note:
        attrs.nonResourceURL !== undefined
          ? 'Not asked for a non-resource URL.'
          : `Not asked: the username (${user}) depends on the role session; enter the session name to ask the cluster.`,
    }
  try {
    const cluster = await subjectCanI(
      ref,
      { user, groups: identity.groups },
      {
        verb: attrs.verb,
        group: attrs.apiGroup,
        resource: attrs.resource,
        subresource: attrs.subresource,
        namespace: attrs.namespace,
        name: attrs.name,
      },
    )
    return { resolver, cluster, agrees: cluster === resolver, note: null }
  } catch (error) {
    if (isConsoleError(error)) return { resolver, cluster: null, agrees: null, note: error.message }
    throw error
  }
}

/** A principal whose RBAC answer the cluster does not share. */
export type WhoCanDisagreement = { principalArn: string; username: string; resolver: boolean; cluster: boolean }

/** The who-can cross-check: how many principals were asked, and where the cluster answered otherwise. */
export type WhoCanCrossCheck = {
  checked: number
  skipped: number
  disagreements: WhoCanDisagreement[]
  note: string | null
}

const WHO_CAN_CHECK_LIMIT = 100

/**
 * Asks the cluster the RBAC part of a who-can question for up to 100 known principals (8 reviews in flight): every
 * principal the resolver lets in, allowed or not, so a binding the resolver missed shows up as well as one it
 * invented. Principals whose username still holds a template are skipped (the session name is unknown).
 */
export async function crossCheckWhoCan(
  ref: ClusterRef,
  rbac: RbacIndex,
  identities: readonly ResolvedIdentity[],
  attrs: RequestAttributes,
): Promise<WhoCanCrossCheck> {
  const askable = identities.filter((i) => i.username !== null && !i.username.includes('{{'))
  const asked = askable.slice(0, WHO_CAN_CHECK_LIMIT)
  try {
    const checks = await mapLimited(asked, 8, (identity) => crossCheckRbac(ref, rbac, identity, attrs))
    const disagreements: WhoCanDisagreement[] = []
    checks.forEach((check, i) => {
      const identity = asked[i]
      if (check?.agrees === false && identity?.username && check.cluster !== null)
        disagreements.push({
          principalArn: identity.principalArn,
          username: identity.username,
          resolver: check.resolver,
          cluster: check.cluster,
        })
    })
    const unanswered = checks.find((c) => c?.cluster === null)
    return {
      checked: checks.filter((c) => c?.cluster !== null).length,
      skipped: identities.length - asked.length,
      disagreements,
      note: unanswered?.note ?? null,
    }
  } catch (error) {
    if (isConsoleError(error)) return { checked: 0, skipped: identities.length, disagreements: [], note: error.message }
    throw error
  }
}
