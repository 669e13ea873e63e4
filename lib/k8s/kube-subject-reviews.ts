import 'server-only'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { callKube } from './kube-clients'
import type { CanIAttributes } from './kube-reviews'

/** A Kubernetes identity to ask about: username and groups as the authenticator would hand them to the API server. */
export type ReviewSubject = { user: string; groups: string[] }

/**
 * SubjectAccessReview: may this identity do this? It names the subject explicitly, so the API server adds nothing
 * (no system:authenticated) and no token is involved: the EKS webhook cannot see an access entry behind a bare
 * username, so the answer covers RBAC and system:masters only (docs/access-entries.md#how-permissions-combine).
 */
export async function subjectCanI(ref: ClusterRef, subject: ReviewSubject, attrs: CanIAttributes): Promise<boolean> {
  const review = await callKube(
    ref,
    { verb: 'create', resource: 'subjectaccessreviews', group: 'authorization.k8s.io' },
    (k) =>
      k.authz.createSubjectAccessReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          spec: {
            user: subject.user,
            groups: subject.groups,
            resourceAttributes: {
              verb: attrs.verb,
              resource: attrs.resource,
              group: attrs.group ?? '',
              namespace: attrs.namespace ?? '',
              ...(attrs.subresource ? { subresource: attrs.subresource } : {}),
              ...(attrs.name ? { name: attrs.name } : {}),
            },
          },
        },
      }),
  )
  return review.status?.allowed ?? false
}
