import { AwsError } from '../core/aws-error'
import type { AwsRequest } from '../core/aws-types'
import type { QueryParams } from '../core/query-params'
import { buildNotAuthorizedMessage, evaluateIdentityPolicies } from './policy/authorize'
import { findRoleByName, findUserByName, type IamState } from './state'

// Which resource an IAM action is authorized against, after the service authorization reference
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html):
// role and user actions act on the role or user (attach/detach/put included), policy actions on the policy, list
// actions on the collection.

const LIST_RESOURCES: Record<string, string> = {
  ListRoles: 'role/',
  ListUsers: 'user/',
  ListPolicies: 'policy/',
}

function ownArn(account: string, rest: string): string {
  return `arn:aws:iam::${account}:${rest}`
}

/** The resource ARN the action is checked against, or undefined when the request is too malformed to name one. */
function resolveIamResource(action: string, p: QueryParams, iam: IamState, req: AwsRequest): string | undefined {
  const account = req.caller.account
  const list = LIST_RESOURCES[action]
  if (list) return ownArn(account, list)
  const roleName = p.get('RoleName')
  if (roleName !== undefined) {
    return findRoleByName(iam, roleName)?.arn ?? ownArn(account, `role${p.get('Path') ?? '/'}${roleName}`)
  }
  const userName = p.get('UserName')
  if (userName !== undefined) return findUserByName(iam, userName)?.arn ?? ownArn(account, `user/${userName}`)
  // GetUser without a name asks about the caller itself; a role session gets IAM's ValidationError instead.
  if (action === 'GetUser') return iam.users.some((u) => u.arn === req.caller.arn) ? req.caller.arn : undefined
  if (action === 'CreatePolicy') return ownArn(account, `policy${p.get('Path') ?? '/'}${p.get('PolicyName') ?? ''}`)
  const policyArn = p.get('PolicyArn')
  if (policyArn !== undefined) return policyArn
  const provider = p.get('OpenIDConnectProviderArn')
  if (provider !== undefined) return provider
  const url = p.get('Url')
  if (action === 'CreateOpenIDConnectProvider' && url !== undefined) {
    return ownArn(account, `oidc-provider/${url.replace(/^https:\/\//, '')}`)
  }
  return '*'
}

/**
 * Throws IAM's AccessDenied (403) unless the caller's identity policies allow `iam:<action>` on the resource the
 * request names. Requests that name no resource are left to the operation's own validation.
 */
export function authorizeIamCall(action: string, p: QueryParams, iam: IamState, req: AwsRequest): void {
  const resource = resolveIamResource(action, p, iam, req)
  if (resource === undefined) return
  const decision = evaluateIdentityPolicies(iam, req.caller, `iam:${action}`, resource)
  if (decision === 'allow') return
  throw new AwsError('AccessDenied', 403, buildNotAuthorizedMessage(req.caller.arn, `iam:${action}`, resource))
}
