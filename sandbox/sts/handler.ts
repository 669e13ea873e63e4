import { AwsError } from '../core/aws-error'
import type { AwsRequest, AwsResponse, ServiceContext } from '../core/aws-types'
import { parseQueryParams } from '../core/query-params'
import { renderQueryError, renderQueryResult, STS_NAMESPACE } from '../core/query-protocol'
import { assumeRole } from './assume-role'

/** The STS operations this sandbox serves. */
export const STS_OPERATIONS = ['GetCallerIdentity', 'AssumeRole']

/** STS answers JSON when asked (aws-iam-authenticator sends `Accept: application/json`), XML otherwise. */
export function wantsJson(headers: Record<string, string>): boolean {
  return (headers['accept'] ?? '').toLowerCase().includes('application/json')
}

function renderCallerIdentity(req: AwsRequest): AwsResponse {
  const result = { Arn: req.caller.arn, UserId: req.caller.userId, Account: req.caller.account }
  if (wantsJson(req.headers)) {
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': req.requestId },
      body: JSON.stringify({
        GetCallerIdentityResponse: {
          GetCallerIdentityResult: { Account: result.Account, Arn: result.Arn, UserId: result.UserId },
          ResponseMetadata: { RequestId: req.requestId },
        },
      }),
    }
  }
  return renderQueryResult('GetCallerIdentity', STS_NAMESPACE, result, req.requestId)
}

/** Handles one STS Query request (POST form body, or a presigned GET with the parameters in the URL). */
export async function handleSts(req: AwsRequest, ctx: ServiceContext): Promise<AwsResponse> {
  const params = parseQueryParams(req.body.toString('utf8'), req.query)
  const action = params.get('Action') ?? ''
  try {
    if (action === 'GetCallerIdentity') return renderCallerIdentity(req)
    if (action === 'AssumeRole') {
      return renderQueryResult('AssumeRole', STS_NAMESPACE, assumeRole(params, ctx, req), req.requestId)
    }
    throw new AwsError('InvalidAction', 400, `Could not find operation ${action} for version 2011-06-15`)
  } catch (e) {
    if (e instanceof AwsError) return renderQueryError(e, STS_NAMESPACE, req.requestId, wantsJson(req.headers))
    throw e
  }
}
