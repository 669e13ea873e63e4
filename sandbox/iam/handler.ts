import { AwsError } from '../core/aws-error'
import type { AwsRequest, AwsResponse, ServiceContext } from '../core/aws-types'
import { parseQueryParams, type QueryParams } from '../core/query-params'
import { IAM_NAMESPACE, renderQueryError, renderQueryResult } from '../core/query-protocol'
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
  createRole,
  deleteRole,
  getRole,
  listAttachedRolePolicies,
  listRoles,
  updateAssumeRolePolicy,
  type IamResult,
} from './ops-roles'

type IamOperation = (p: QueryParams, ctx: ServiceContext, req: AwsRequest) => IamResult

const OPERATIONS: Record<string, IamOperation> = {
  ListRoles: listRoles,
  GetRole: getRole,
  CreateRole: createRole,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  ListAttachedRolePolicies: listAttachedRolePolicies,
  ListUsers: listUsers,
  GetUser: getUser,
  ListOpenIDConnectProviders: listOpenIdConnectProviders,
  GetOpenIDConnectProvider: getOpenIdConnectProvider,
  CreateOpenIDConnectProvider: createOpenIdConnectProvider,
  AddClientIDToOpenIDConnectProvider: addClientIdToOpenIdConnectProvider,
  DeleteOpenIDConnectProvider: deleteOpenIdConnectProvider,
  DeleteRole: deleteRole,
}

/** The IAM operations this sandbox serves (for fault-injection names and docs). */
export const IAM_OPERATIONS = Object.keys(OPERATIONS)

/** Handles one IAM Query request (already SigV4-verified); every failure becomes an IAM XML ErrorResponse. */
export async function handleIam(req: AwsRequest, ctx: ServiceContext): Promise<AwsResponse> {
  const params = parseQueryParams(req.body.toString('utf8'), req.query)
  const action = params.get('Action') ?? ''
  try {
    const operation = OPERATIONS[action]
    if (!operation)
      throw new AwsError('InvalidAction', 400, `Could not find operation ${action} for version 2010-05-08`)
    return renderQueryResult(action, IAM_NAMESPACE, operation(params, ctx, req), req.requestId)
  } catch (e) {
    if (e instanceof AwsError) return renderQueryError(e, IAM_NAMESPACE, req.requestId)
    throw e
  }
}
