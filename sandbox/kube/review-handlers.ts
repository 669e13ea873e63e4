// The create-only review APIs: SelfSubjectAccessReview, SubjectAccessReview, LocalSubjectAccessReview,
// SelfSubjectRulesReview (authorization.k8s.io/v1) and SelfSubjectReview (authentication.k8s.io/v1,
// `kubectl auth whoami`). Each answers with the request object plus `status`.
import { authorize, type AuthorizationInput } from './authorize'
import type { HandlerResult, ResourceRequest } from './handler-types'
import { KubeError } from './kube-error'
import { reviewSubjectRules } from './rules-review'
import type { RequestAttributes, UserInfo } from './types'

interface AccessReviewSpec {
  resourceAttributes?: {
    namespace?: string
    verb?: string
    group?: string
    resource?: string
    subresource?: string
    name?: string
  }
  nonResourceAttributes?: { path?: string; verb?: string }
  user?: string
  groups?: string[]
  uid?: string
  extra?: Record<string, string[]>
}

/** Dependencies a review needs to evaluate a (possibly other) subject. */
export interface ReviewDeps {
  buildAuthorizationInput(user: UserInfo, opts: { includeAccessPolicies: boolean }): AuthorizationInput
}

function readSpec(req: ResourceRequest): AccessReviewSpec {
  const spec = (req.body as { spec?: AccessReviewSpec } | undefined)?.spec
  if (!spec) throw new KubeError('BadRequest', `${req.def.kind} must have a spec`)
  return spec
}

function buildAttributes(spec: AccessReviewSpec, kind: string, pinnedNamespace?: string): RequestAttributes {
  const r = spec.resourceAttributes
  const n = spec.nonResourceAttributes
  if ((r ? 1 : 0) + (n ? 1 : 0) !== 1)
    throw new KubeError(
      'Invalid',
      `${kind}.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: exactly one of nonResourceAttributes or resourceAttributes must be specified`,
    )
  if (n) return { kind: 'nonResource', verb: n.verb ?? '', path: n.path ?? '' }
  return {
    kind: 'resource',
    verb: r?.verb ?? '',
    apiGroup: r?.group ?? '',
    resource: r?.resource ?? '',
    subresource: r?.subresource || undefined,
    namespace: pinnedNamespace ?? (r?.namespace || undefined),
    name: r?.name || undefined,
  }
}

function respond(req: ResourceRequest, status: Record<string, unknown>): HandlerResult {
  const body = req.body as Record<string, unknown>
  return {
    status: 201,
    body: {
      ...body,
      kind: req.def.kind,
      apiVersion: `${req.def.group}/${req.def.version}`,
      metadata: { ...((body.metadata as object) ?? {}), creationTimestamp: null },
      status,
    },
  }
}

function buildAccessStatus(attrs: RequestAttributes, input: AuthorizationInput): Record<string, unknown> {
  const d = authorize(attrs, input)
  const status: Record<string, unknown> = { allowed: d.allowed }
  if (d.reason) status.reason = d.reason
  return status
}

/** Serves a POST to one of the review resources; `req.user` is the caller (already authorized to create it). */
export function handleReview(req: ResourceRequest, deps: ReviewDeps): HandlerResult {
  if (req.method !== 'POST')
    throw new KubeError('MethodNotAllowed', `the server does not allow this method on the requested resource`)
  switch (req.def.resource) {
    case 'selfsubjectreviews':
      return respond(req, { userInfo: req.user })
    case 'selfsubjectaccessreviews': {
      const attrs = buildAttributes(readSpec(req), 'SelfSubjectAccessReview')
      return respond(
        req,
        buildAccessStatus(attrs, deps.buildAuthorizationInput(req.user, { includeAccessPolicies: true })),
      )
    }
    case 'subjectaccessreviews':
    case 'localsubjectaccessreviews': {
      const spec = readSpec(req)
      if (
        req.def.resource === 'localsubjectaccessreviews' &&
        spec.resourceAttributes?.namespace &&
        spec.resourceAttributes.namespace !== req.namespace
      )
        throw new KubeError(
          'BadRequest',
          `spec.resourceAttributes.namespace must match namespace: ${req.namespace ?? ''}`,
        )
      const attrs = buildAttributes(
        spec,
        req.def.kind,
        req.def.resource === 'localsubjectaccessreviews' ? req.namespace : undefined,
      )
      // A SubjectAccessReview names its subject explicitly; kube-apiserver does not add system:authenticated.
      const subject: UserInfo = {
        username: spec.user ?? '',
        groups: spec.groups ?? [],
        uid: spec.uid,
        extra: spec.extra,
      }
      return respond(
        req,
        buildAccessStatus(attrs, deps.buildAuthorizationInput(subject, { includeAccessPolicies: true })),
      )
    }
    case 'selfsubjectrulesreviews': {
      const namespace = (req.body as { spec?: { namespace?: string } } | undefined)?.spec?.namespace ?? ''
      const input = deps.buildAuthorizationInput(req.user, { includeAccessPolicies: true })
      return respond(req, { ...reviewSubjectRules(req.user, namespace, input.rbac, input.accessPolicies.length > 0) })
    }
    default:
      throw new KubeError('NotFound', 'the server could not find the requested resource')
  }
}
