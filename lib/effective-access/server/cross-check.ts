import 'server-only'

import { isConsoleError } from '@/lib/api/console-error'
import type { RequestAttributes } from '@/lib/access/rules'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { subjectCanI } from '@/lib/k8s/kube-subject-reviews'

import { explainRequest } from '@/lib/effective-access/evaluate'
import type { ResolvedIdentity } from '@/lib/effective-access/identity'
import type { RbacIndex } from '@/lib/effective-access/rbac-index'

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
      note: 'Not asked: a non-resource URL, or a username whose session name is unknown.',
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
