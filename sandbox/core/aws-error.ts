/** The wire protocol family an error must be rendered in. */
export type AwsProtocol = 'query' | 'rest-json'

/**
 * An error an AWS service returns to the caller. `code` is the wire code: for Query services the `<Code>` (e.g.
 * `NoSuchEntity`, which the SDK maps to NoSuchEntityException), for EKS the `x-amzn-ErrorType` shape name.
 */
export class AwsError extends Error {
  readonly code: string
  readonly status: number
  /** Extra JSON members for restJson1 errors (e.g. `clusterName`). */
  readonly extra: Record<string, string>

  constructor(code: string, status: number, message: string, extra: Record<string, string> = {}) {
    super(message)
    this.name = code
    this.code = code
    this.status = status
    this.extra = extra
  }
}

/** Builds the IAM/STS `ValidationError` AWS uses for constraint failures ("1 validation error detected: ..."). */
export function createValidationError(member: string, value: string, constraint: string): AwsError {
  return new AwsError(
    'ValidationError',
    400,
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`,
  )
}
