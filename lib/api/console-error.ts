import { errorStatus, type ErrorCode, type ErrorDetail, type ErrorIssue } from './error-codes'

/**
 * The console's typed error. Services throw it with a message a person can act on; the route wrapper turns it into
 * `{ error: { code, message, issues } }` with the status from {@link errorStatus}.
 */
export class ConsoleError extends Error {
  readonly code: ErrorCode
  readonly issues?: ErrorIssue[]
  readonly detail?: ErrorDetail

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; issues?: ErrorIssue[]; detail?: ErrorDetail },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ConsoleError'
    this.code = code
    this.issues = options?.issues
    this.detail = options?.detail
  }

  /** The HTTP status this error is answered with. */
  get status(): number {
    return errorStatus[this.code]
  }
}

/** True for a {@link ConsoleError}, also across module copies (Next bundles route handlers separately). */
export function isConsoleError(error: unknown): error is ConsoleError {
  return error instanceof ConsoleError || (error instanceof Error && error.name === 'ConsoleError' && 'code' in error)
}
