import type { AwsRequest } from '../core/aws-types'
import { buildNotAuthorizedMessage, evaluateIdentityPolicies } from '../iam/policy/authorize'
import type { IamState } from '../iam/state'
import { buildClusterArn } from './arns'
import { EksError } from './errors'
import type { JsonObject } from './request-body'
import type { MatchedRoute } from './router'

/**
 * The resource an EKS action is checked against. Simplified from the service authorization reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelastickubernetesservice.html):
 * every operation under a cluster is checked against the cluster's ARN (AWS checks some against the access entry,
 * node group or add-on ARN, which carry generated IDs); tag operations against the tagged ARN; account-wide
 * operations against `*`.
 */
function resolveEksResource(route: MatchedRoute, body: JsonObject, req: AwsRequest): string {
  const { labels } = route
  if (labels.resourceArn !== undefined) return labels.resourceArn
  // CreateCluster names its cluster in the body.
  const name = labels.name ?? body.name
  if (typeof name === 'string') return buildClusterArn(req.region, req.caller.account, name)
  return '*'
}

/** Throws EKS's AccessDeniedException (403) unless the caller's identity policies allow `eks:<operation>`. */
export function authorizeEksCall(route: MatchedRoute, body: JsonObject, iam: IamState, req: AwsRequest): void {
  const resource = resolveEksResource(route, body, req)
  const action = `eks:${route.operation}`
  const decision = evaluateIdentityPolicies(iam, req.caller, action, resource, { 'aws:requestedregion': req.region })
  if (decision === 'allow') return
  throw new EksError('AccessDeniedException', buildNotAuthorizedMessage(req.caller.arn, action, resource))
}
