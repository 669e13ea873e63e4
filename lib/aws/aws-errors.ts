import 'server-only'

import { ConsoleError } from '@/lib/api/console-error'
import { formatUpstreamTimeout, getUpstreamTimeoutMs } from '@/lib/api/server/upstream-timeout'

/** Where a failed AWS call went, so the message can say so. */
export type AwsCallContext = {
  service: 'EKS' | 'IAM' | 'STS'
  region: string
  /** The endpoint override (AWS_ENDPOINT_URL) when one is configured. */
  endpoint?: string
  /** Used for ResourceNotFoundException, e.g. "No cluster named prod-web in us-west-2." */
  notFoundMessage?: string
}

// Error names (smithy `err.name`, taken from x-amzn-ErrorType or the Query <Code>) grouped by what the person must do.
const credentialErrors = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'InvalidClientTokenId',
  'IncompleteSignature',
  'ExpiredTokenException',
  'ExpiredToken',
  'CredentialsProviderError',
])
const accessDeniedErrors = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation'])
const notFoundErrors = new Set([
  'ResourceNotFoundException',
  'NotFoundException',
  'NoSuchEntity',
  'NoSuchEntityException',
])
const conflictErrors = new Set(['ResourceInUseException', 'EntityAlreadyExists', 'EntityAlreadyExistsException'])
// A service quota (IAM's 100 client IDs per OIDC provider, EKS's associations per cluster, …): nothing to retry.
const quotaErrors = new Set(['LimitExceeded', 'LimitExceededException', 'ResourceLimitExceededException'])
const badRequestErrors = new Set([
  'InvalidParameterException',
  'InvalidRequestException',
  'BadRequestException',
  'ClientException',
  'ValidationError',
  'InvalidInput',
  'MalformedPolicyDocument',
])
// The SDK retries these itself (smithy THROTTLING_ERROR_CODES); reaching us means the retries were exhausted.
const throttlingErrors = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
])
const unavailableErrors = new Set(['ServiceUnavailableException', 'ServiceUnavailable', 'ServerException'])
// Node socket error codes for "nothing answered"; smithy's NodeHttpHandler rejects with these untouched.
const networkCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'EPIPE',
])

type ErrorLike = {
  name?: unknown
  message?: unknown
  code?: unknown
  errors?: unknown
  cause?: unknown
  $metadata?: unknown
  /** Set by the console's clients (aws-clients.ts): the operation that failed and the timeout it ran under. */
  $operation?: unknown
  $timeoutMs?: unknown
}

/**
 * The call outlived the console's upstream timeout: the per-call deadline aborted it (AbortError caused by a
 * TimeoutError) or an attempt hit its request timeout. A connection that never opened is "cannot reach" instead.
 */
function isUpstreamTimeout(error: ErrorLike): boolean {
  const cause = (typeof error.cause === 'object' && error.cause !== null ? error.cause : {}) as ErrorLike
  if (error.name === 'AbortError') return cause.name === 'TimeoutError'
  return (
    error.name === 'TimeoutError' &&
    typeof error.message === 'string' &&
    !error.message.includes('did not establish a connection')
  )
}

/** Socket-level failure codes, including those inside an AggregateError (Node tries IPv4 and IPv6 in turn). */
function readNetworkCode(error: ErrorLike): string | undefined {
  if (typeof error.code === 'string' && networkCodes.has(error.code)) return error.code
  if (error.name === 'TimeoutError') return 'ETIMEDOUT'
  if (Array.isArray(error.errors)) {
    for (const inner of error.errors as ErrorLike[]) {
      const code = readNetworkCode(inner)
      if (code) return code
    }
  }
  return undefined
}

function readHttpStatus(error: ErrorLike): number | undefined {
  const metadata = error.$metadata as { httpStatusCode?: unknown } | undefined
  return typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined
}

/**
 * Turns an error thrown by an AWS SDK v3 call into a {@link ConsoleError} whose message says what happened and what to
 * do, e.g. "Cannot reach the AWS endpoint http://127.0.0.1:4566 — is the sandbox running? (npm run sandbox)".
 */
export function toConsoleError(error: unknown, context: AwsCallContext): ConsoleError {
  if (error instanceof ConsoleError) return error
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike
  const name = typeof e.name === 'string' ? e.name : 'Error'
  const detail = typeof e.message === 'string' && e.message.length > 0 ? e.message : name
  const where = `${context.service} in ${context.region}`
  const options = { cause: error }

  if (isUpstreamTimeout(e)) {
    const waited = formatUpstreamTimeout(typeof e.$timeoutMs === 'number' ? e.$timeoutMs : getUpstreamTimeoutMs())
    const operation = typeof e.$operation === 'string' && e.$operation !== '' ? ` (${e.$operation})` : ''
    const check = context.endpoint ? `the AWS endpoint ${context.endpoint}` : `the server's network access to AWS`
    // A write that timed out may still land at AWS after the console stopped waiting: say so, rather than "failed".
    const write =
      typeof e.$operation === 'string' && /^(Create|Update|Delete|Associate|Disassociate|Add|Tag)/.test(e.$operation)
    const maybe = write ? ' The change may still have been applied: reload before trying again.' : ''
    return new ConsoleError(
      'upstream_timeout',
      `${where} did not answer within ${waited}${operation}.${maybe} Try again; if it keeps happening, check ${check}.`,
      options,
    )
  }
  const networkCode = readNetworkCode(e)
  if (networkCode) {
    const message = context.endpoint
      ? `Cannot reach the AWS endpoint ${context.endpoint} — is the sandbox running? (npm run sandbox) [${networkCode}]`
      : `Cannot reach ${where} [${networkCode}]. Check the server's network access to AWS.`
    return new ConsoleError('upstream_unreachable', message, options)
  }
  if (name === 'CredentialsProviderError') {
    return new ConsoleError(
      'aws_credentials_rejected',
      `The console's server found no AWS credentials for ${where} (${name}). Set AWS_ACCESS_KEY_ID / ` +
        `AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or run it with an instance or pod role.`,
      options,
    )
  }
  if (credentialErrors.has(name)) {
    return new ConsoleError(
      'aws_credentials_rejected',
      `The console's AWS credentials were rejected by ${where} (${name}). Check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY ` +
        `(or AWS_PROFILE) on the console's server${name.startsWith('Expired') ? ' and refresh the session token' : ''}.`,
      options,
    )
  }
  if (accessDeniedErrors.has(name)) {
    return new ConsoleError(
      'aws_access_denied',
      `The console's AWS identity is not allowed to do this in ${where} (${name}): ${detail}`,
      options,
    )
  }
  if (notFoundErrors.has(name)) {
    return new ConsoleError('not_found', context.notFoundMessage ?? `${detail} (${where})`, options)
  }
  if (conflictErrors.has(name)) return new ConsoleError('conflict', detail, options)
  if (quotaErrors.has(name)) {
    return new ConsoleError(
      'conflict',
      `${where} will not take more: a quota is reached (${name}: ${detail}). Remove something first, or ask AWS for a higher quota.`,
      options,
    )
  }
  if (badRequestErrors.has(name)) return new ConsoleError('bad_request', `${detail} (${name})`, options)
  if (throttlingErrors.has(name) || readHttpStatus(e) === 429) {
    return new ConsoleError(
      'throttled',
      `${where} is throttling the console's requests (${name}). Try again shortly.`,
      options,
    )
  }
  const status = readHttpStatus(e)
  if (unavailableErrors.has(name) || (status !== undefined && status >= 500)) {
    return new ConsoleError('upstream_unavailable', `${where} is unavailable right now (${name}): ${detail}`, options)
  }
  if (status !== undefined)
    return new ConsoleError('upstream_error', `${where} refused the request (${name}): ${detail}`, options)
  return new ConsoleError('internal', `Calling ${where} failed unexpectedly (${name}).`, options)
}
