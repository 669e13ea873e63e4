import { AwsError } from './aws-error'
import type { AwsServiceName } from './faults'

/**
 * The error a real service returns for an injected throttle or 5xx, in its own protocol's terms: EKS 429
 * ThrottlingException / 500 ServerException / 503 ServiceUnavailableException; IAM and STS 400 `Throttling`
 * "Rate exceeded" (the Query services throttle with 400), IAM 500 ServiceFailure, STS 500 InternalFailure, 503
 * ServiceUnavailable. All of these are retried by the SDKs' standard retry strategy.
 */
export function buildFaultError(service: AwsServiceName, kind: 'throttle' | 'error', status: number): AwsError {
  if (kind === 'throttle') {
    return service === 'eks'
      ? new AwsError('ThrottlingException', 429, 'Rate exceeded')
      : new AwsError('Throttling', 400, 'Rate exceeded')
  }
  if (status === 503) {
    return service === 'eks'
      ? new AwsError('ServiceUnavailableException', 503, 'Service is unavailable. Please try again later.')
      : new AwsError('ServiceUnavailable', 503, 'Service is unavailable. Please try again later.')
  }
  if (service === 'eks') return new AwsError('ServerException', 500, 'An internal error occurred. Please try again.')
  if (service === 'iam')
    return new AwsError(
      'ServiceFailure',
      500,
      'The request processing has failed because of an unknown error, exception or failure.',
    )
  return new AwsError(
    'InternalFailure',
    500,
    'The request processing has failed because of an unknown error, exception or failure.',
  )
}
