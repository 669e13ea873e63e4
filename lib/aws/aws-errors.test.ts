import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { toConsoleError } = await import('./aws-errors')

const sdkError = (name: string, status: number, message = 'upstream said no') =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })

describe('toConsoleError', () => {
  const context = { service: 'EKS' as const, region: 'us-west-2', endpoint: 'http://127.0.0.1:4566' }

  it.each([
    {
      error: sdkError('UnrecognizedClientException', 403),
      code: 'aws_credentials_rejected',
      text: /rejected by EKS in us-west-2 \(UnrecognizedClientException\)\. Check AWS_ACCESS_KEY_ID/,
    },
    {
      error: sdkError('InvalidSignatureException', 403),
      code: 'aws_credentials_rejected',
      text: /InvalidSignatureException/,
    },
    {
      error: sdkError('ExpiredTokenException', 403),
      code: 'aws_credentials_rejected',
      text: /refresh the session token/,
    },
    {
      error: sdkError('CredentialsProviderError', 0),
      code: 'aws_credentials_rejected',
      text: /found no AWS credentials/,
    },
    {
      error: sdkError('AccessDeniedException', 403, 'not authorized: eks:ListClusters'),
      code: 'aws_access_denied',
      text: /not allowed.*eks:ListClusters/,
    },
    { error: sdkError('ResourceInUseException', 409, 'already in use'), code: 'conflict', text: /already in use/ },
    {
      error: sdkError('LimitExceeded', 409, 'Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100'),
      code: 'conflict',
      text: /^EKS in us-west-2 will not take more: a quota is reached \(LimitExceeded: Cannot exceed quota.*\)\. Remove/,
    },
    { error: sdkError('InvalidParameterException', 400, 'bad name'), code: 'bad_request', text: /bad name/ },
    { error: sdkError('ThrottlingException', 429), code: 'throttled', text: /throttling/ },
    { error: sdkError('SomethingNew', 429), code: 'throttled', text: /throttling/ },
    { error: sdkError('ServerException', 500), code: 'upstream_unavailable', text: /unavailable/ },
    { error: sdkError('WeirdClientThing', 418), code: 'upstream_error', text: /refused/ },
    {
      error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' }),
      code: 'upstream_unreachable',
      text: /Cannot reach the AWS endpoint http:\/\/127\.0\.0\.1:4566 — is the sandbox running\? \(npm run sandbox\)/,
    },
    {
      error: Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], '')),
      code: 'upstream_unreachable',
      text: /ECONNREFUSED/,
    },
    {
      // smithy's connectionTimeout: nothing accepted the connection.
      error: Object.assign(
        new Error('the request socket did not establish a connection with the server within the configured timeout'),
        { name: 'TimeoutError' },
      ),
      code: 'upstream_unreachable',
      text: /ETIMEDOUT/,
    },
    {
      // The per-call deadline (aws-clients.ts boundSend) aborted the call, retries included.
      error: Object.assign(new Error('Request aborted'), {
        name: 'AbortError',
        cause: new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
        $operation: 'DescribeCluster',
        $timeoutMs: 15_000,
      }),
      code: 'upstream_timeout',
      text: /^EKS in us-west-2 did not answer within 15 s \(DescribeCluster\)\. Try again/,
    },
    {
      // An attempt outlived requestTimeout (throwOnRequestTimeout).
      error: Object.assign(new Error('a request has exceeded the configured 1500 ms requestTimeout.'), {
        name: 'TimeoutError',
        $timeoutMs: 1_500,
      }),
      code: 'upstream_timeout',
      text: /did not answer within 1\.5 s\./,
    },
    {
      error: Object.assign(new Error('Request aborted'), {
        name: 'AbortError',
        cause: new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
        $operation: 'AssociateAccessPolicy',
      }),
      code: 'upstream_timeout',
      text: /\(AssociateAccessPolicy\)\. The change may still have been applied: reload before trying again\./,
    },
    // A caller's own abort (no timeout behind it) is not the upstream's fault.
    {
      error: Object.assign(new Error('Request aborted'), { name: 'AbortError' }),
      code: 'internal',
      text: /AbortError/,
    },
    { error: new TypeError('boom'), code: 'internal', text: /failed unexpectedly \(TypeError\)/ },
  ])('maps $error.name / $code', ({ error, code, text }) => {
    const mapped = toConsoleError(error, context)
    expect(mapped.code).toBe(code)
    expect(mapped.message).toMatch(text)
    expect(mapped.cause).toBe(error)
  })

  it('uses the not-found message of the call', () => {
    const mapped = toConsoleError(sdkError('ResourceNotFoundException', 404), {
      ...context,
      notFoundMessage: 'No cluster named nope in us-west-2.',
    })
    expect(mapped).toMatchObject({ code: 'not_found', status: 404, message: 'No cluster named nope in us-west-2.' })
  })

  it('names the region rather than an endpoint when talking to real AWS', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
    expect(toConsoleError(error, { service: 'STS', region: 'eu-west-1' }).message).toMatch(
      /Cannot reach STS in eu-west-1/,
    )
  })
})
