import { AwsError } from '../core/aws-error'
import type { AwsRequest, AwsResponse, ServiceContext } from '../core/aws-types'
import { parseQueryParams, type QueryParams } from '../core/query-params'
import { IAM_NAMESPACE, renderQueryError, renderQueryResult } from '../core/query-protocol'
import { authorizeIamCall } from './iam-authorization'
import {
  addClientIdToOpenIdConnectProvider,
  createOpenIdConnectProvider,
  deleteOpenIdConnectProvider,
  getOpenIdConnectProvider,
  getUser,
  listOpenIdConnectProviders,
  listUsers,
} from './ops-identity'
import {
  deleteInlinePolicy,
  deletePermissionsBoundary,
  getInlinePolicy,
  listInlinePolicies,
  putInlinePolicy,
  putPermissionsBoundary,
} from './ops-inline-policies'
import {
  attachPolicy,
  createPolicy,
  deletePolicy,
  detachPolicy,
  getPolicy,
  getPolicyVersion,
  listAttachedUserPolicies,
  listPolicies,
} from './ops-managed-policies'
import {
  createRole,
  deleteRole,
  getRole,
  listAttachedRolePolicies,
  listInstanceProfilesForRole,
  listRoles,
  updateAssumeRolePolicy,
  type IamResult,
} from './ops-roles'
import { createUser, deleteUser } from './ops-users'

type IamOperation = (p: QueryParams, ctx: ServiceContext, req: AwsRequest) => IamResult

const OPERATIONS: Record<string, IamOperation> = {
  ListRoles: listRoles,
  GetRole: getRole,
  CreateRole: createRole,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  ListAttachedRolePolicies: listAttachedRolePolicies,
  ListInstanceProfilesForRole: listInstanceProfilesForRole,
  ListUsers: listUsers,
  GetUser: getUser,
  ListOpenIDConnectProviders: listOpenIdConnectProviders,
  GetOpenIDConnectProvider: getOpenIdConnectProvider,
  CreateOpenIDConnectProvider: createOpenIdConnectProvider,
  AddClientIDToOpenIDConnectProvider: addClientIdToOpenIdConnectProvider,
  DeleteOpenIDConnectProvider: deleteOpenIdConnectProvider,
  DeleteRole: deleteRole,
  CreateUser: createUser,
  DeleteUser: deleteUser,
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  GetPolicyVersion: getPolicyVersion,
  ListPolicies: listPolicies,
  DeletePolicy: deletePolicy,
  AttachRolePolicy: attachPolicy('role'),
  DetachRolePolicy: detachPolicy('role'),
  AttachUserPolicy: attachPolicy('user'),
  DetachUserPolicy: detachPolicy('user'),
  ListAttachedUserPolicies: listAttachedUserPolicies,
  PutRolePolicy: putInlinePolicy('role'),
  GetRolePolicy: getInlinePolicy('role'),
  ListRolePolicies: listInlinePolicies('role'),
  DeleteRolePolicy: deleteInlinePolicy('role'),
  PutUserPolicy: putInlinePolicy('user'),
  GetUserPolicy: getInlinePolicy('user'),
  ListUserPolicies: listInlinePolicies('user'),
  DeleteUserPolicy: deleteInlinePolicy('user'),
  PutRolePermissionsBoundary: putPermissionsBoundary('role'),
  DeleteRolePermissionsBoundary: deletePermissionsBoundary('role'),
  PutUserPermissionsBoundary: putPermissionsBoundary('user'),
  DeleteUserPermissionsBoundary: deletePermissionsBoundary('user'),
}

/** The IAM operations this sandbox serves (for fault-injection names and docs). */
export const IAM_OPERATIONS = Object.keys(OPERATIONS)

/**
 * Handles one IAM Query request (already SigV4-verified): the caller's identity policies must allow the action, then
 * the operation runs; every failure becomes an IAM XML ErrorResponse.
 */
export async function handleIam(req: AwsRequest, ctx: ServiceContext): Promise<AwsResponse> {
  const params = parseQueryParams(req.body.toString('utf8'), req.query)
  const action = params.get('Action') ?? ''
  try {
    const operation = OPERATIONS[action]
    if (!operation)
      throw new AwsError('InvalidAction', 400, `Could not find operation ${action} for version 2010-05-08`)
    authorizeIamCall(action, params, ctx.world.iam, req)
    return renderQueryResult(action, IAM_NAMESPACE, operation(params, ctx, req), req.requestId)
  } catch (e) {
    if (e instanceof AwsError) return renderQueryError(e, IAM_NAMESPACE, req.requestId)
    throw e
  }
}
