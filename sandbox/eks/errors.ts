import type { AwsResponse } from '../core/aws-types'

// EKS error shapes and their HTTP statuses, from the service model (docs/eks-wire-protocols.md#errors). The SDK picks the exception class
// from the `x-amzn-ErrorType` header and reads `message` plus the shape's extra members from the JSON body.
const STATUS_BY_SHAPE = {
  BadRequestException: 400,
  ClientException: 400,
  InvalidParameterException: 400,
  InvalidRequestException: 400,
  InvalidStateException: 400,
  ResourceLimitExceededException: 400,
  AccessDeniedException: 403,
  NotFoundException: 404,
  ResourceNotFoundException: 404,
  ResourceInUseException: 409,
  ThrottlingException: 429,
  ServerException: 500,
  ServiceUnavailableException: 503,
} as const

export type EksErrorShape = keyof typeof STATUS_BY_SHAPE

/** Extra members some shapes carry next to `message` (clusterName, nodegroupName, addonName…). */
export type EksErrorMembers = Partial<
  Record<'clusterName' | 'nodegroupName' | 'fargateProfileName' | 'addonName', string>
>

/** An EKS API error; thrown anywhere below the handler and rendered once by {@link renderEksError}. */
export class EksError extends Error {
  readonly shape: EksErrorShape
  readonly members: EksErrorMembers

  constructor(shape: EksErrorShape, message: string, members: EksErrorMembers = {}) {
    super(message)
    this.name = shape
    this.shape = shape
    this.members = members
  }
}

/** Builds an InvalidParameterException (400), the error for bad input values. */
export function invalidParameter(message: string, members: EksErrorMembers = {}): EksError {
  return new EksError('InvalidParameterException', message, members)
}

/** Builds an InvalidRequestException (400), the error for a request the resource's state does not allow. */
export function invalidRequest(message: string, members: EksErrorMembers = {}): EksError {
  return new EksError('InvalidRequestException', message, members)
}

/** Builds a ResourceNotFoundException (404). */
export function resourceNotFound(message: string, members: EksErrorMembers = {}): EksError {
  return new EksError('ResourceNotFoundException', message, members)
}

/** Builds a ResourceInUseException (409), the error for duplicates. */
export function resourceInUse(message: string, members: EksErrorMembers = {}): EksError {
  return new EksError('ResourceInUseException', message, members)
}

/** Renders an EKS error the way the service does: status per shape, `x-amzn-ErrorType`, JSON `{message, …}`. */
export function renderEksError(error: EksError, requestId: string): AwsResponse {
  return {
    status: STATUS_BY_SHAPE[error.shape],
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': error.shape,
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify({ message: error.message, ...error.members }),
  }
}
