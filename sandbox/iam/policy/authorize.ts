import type { Caller } from '../../core/aws-types'
import type { IamAttachedPolicy, IamInlinePolicy, IamState } from '../state'
import { findAwsManagedPolicy } from './aws-managed-policies'
import { evaluateIdentityDocument, type PolicyRequest } from './identity-policy'

// Same-account evaluation of identity-based policies and permissions boundaries: an explicit Deny in any policy wins,
// then an Allow is needed, and a boundary must allow too
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html). Service control
// policies and session policies are not modelled.

/** `allow`, or why not: an explicit Deny, no Allow in the identity policies, or no Allow in the boundary. */
export type IdentityDecision = 'allow' | 'explicit-deny' | 'implicit-deny' | 'boundary-deny'

/** The IAM entity whose policies govern a caller: the user, or the role behind an STS session. */
interface GovernedEntity {
  attachedPolicies: IamAttachedPolicy[]
  inlinePolicies: IamInlinePolicy[]
  permissionsBoundary?: string
  /** Context keys this principal contributes (`aws:username` only for users, as in AWS). */
  context: Record<string, string | undefined>
}

/** A managed policy's document by ARN: a customer managed one of this account, or an AWS managed one. */
export function findManagedPolicyDocument(iam: IamState, arn: string): string | undefined {
  return iam.policies.find((p) => p.arn === arn)?.document ?? findAwsManagedPolicy(arn)?.document
}

function findGovernedEntity(iam: IamState, caller: Caller): GovernedEntity | undefined {
  const user = iam.users.find((u) => u.arn === caller.arn)
  if (user) {
    return {
      ...user,
      context: { 'aws:username': user.name, 'aws:principalarn': user.arn, 'aws:principaltype': 'User' },
    }
  }
  const session = iam.sessions.find((s) => s.accessKeyId === caller.accessKeyId)
  const role = session && iam.roles.find((r) => r.arn === session.roleArn)
  if (!role) return undefined
  return {
    ...role,
    context: { 'aws:username': undefined, 'aws:principalarn': role.arn, 'aws:principaltype': 'AssumedRole' },
  }
}

/**
 * Decides whether a caller's identity policies allow `action` on `resource`. A caller whose user or role no longer
 * exists gets nothing. `extraContext` adds request keys (e.g. `aws:requestedregion`), lower-cased.
 */
export function evaluateIdentityPolicies(
  iam: IamState,
  caller: Caller,
  action: string,
  resource: string,
  extraContext: Record<string, string | undefined> = {},
): IdentityDecision {
  const entity = findGovernedEntity(iam, caller)
  if (!entity) return 'implicit-deny'
  const request: PolicyRequest = {
    action,
    resource,
    context: {
      ...entity.context,
      'aws:userid': caller.userId,
      'aws:principalaccount': caller.account,
      ...extraContext,
    },
  }
  const documents = [
    ...entity.inlinePolicies.map((p) => p.document),
    ...entity.attachedPolicies.flatMap((a) => findManagedPolicyDocument(iam, a.PolicyArn) ?? []),
  ]
  let allowed = false
  for (const document of documents) {
    const verdict = evaluateIdentityDocument(document, request)
    if (verdict.deny) return 'explicit-deny'
    allowed ||= verdict.allow
  }
  if (!allowed) return 'implicit-deny'
  if (entity.permissionsBoundary === undefined) return 'allow'
  const boundary = findManagedPolicyDocument(iam, entity.permissionsBoundary)
  const verdict = boundary === undefined ? { deny: false, allow: false } : evaluateIdentityDocument(boundary, request)
  if (verdict.deny) return 'explicit-deny'
  return verdict.allow ? 'allow' : 'boundary-deny'
}

/** AWS's AccessDenied wording, the same for STS, IAM and EKS. */
export function buildNotAuthorizedMessage(callerArn: string, action: string, resource: string): string {
  return `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`
}
