import 'server-only'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { callKube } from './kube-clients'

/** The Kubernetes identity a token maps to (SelfSubjectReview `status.userInfo`, `kubectl auth whoami`). */
export type KubeUserInfo = { username: string; uid: string | null; groups: string[]; extra: Record<string, string[]> }

/** Who the console is on this cluster: SelfSubjectReview (authentication.k8s.io/v1, GA in 1.28, docs/kubernetes-rbac.md#review-apis). */
export async function whoAmI(ref: ClusterRef): Promise<KubeUserInfo> {
  const review = await callKube(
    ref,
    { verb: 'create', resource: 'selfsubjectreviews', group: 'authentication.k8s.io' },
    (k) =>
      k.authn.createSelfSubjectReview({
        body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      }),
  )
  const info = review.status?.userInfo
  return {
    username: info?.username ?? '',
    uid: info?.uid ?? null,
    groups: info?.groups ?? [],
    extra: info?.extra ?? {},
  }
}

/** The attributes of a `kubectl auth can-i` question. Empty namespace = all namespaces. */
export type CanIAttributes = {
  verb: string
  resource: string
  group?: string
  version?: string
  subresource?: string
  namespace?: string
  name?: string
}

/** The answer of a SelfSubjectAccessReview. */
export type CanIAnswer = { allowed: boolean; denied: boolean; reason: string | null; evaluationError: string | null }

/**
 * May the console do this? SelfSubjectAccessReview goes through the whole authorizer chain, including the EKS webhook
 * that grants access policies — SelfSubjectRulesReview omits those (docs/kubernetes-rbac.md#review-apis), so yes/no questions use this.
 */
export async function canI(ref: ClusterRef, attrs: CanIAttributes): Promise<CanIAnswer> {
  const review = await callKube(
    ref,
    { verb: 'create', resource: 'selfsubjectaccessreviews', group: 'authorization.k8s.io' },
    (k) =>
      k.authz.createSelfSubjectAccessReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: {
            resourceAttributes: {
              verb: attrs.verb,
              resource: attrs.resource,
              group: attrs.group ?? '',
              version: attrs.version,
              subresource: attrs.subresource,
              namespace: attrs.namespace ?? '',
              name: attrs.name,
            },
          },
        },
      }),
  )
  return {
    allowed: review.status?.allowed ?? false,
    denied: review.status?.denied ?? false,
    reason: review.status?.reason || null,
    evaluationError: review.status?.evaluationError || null,
  }
}
