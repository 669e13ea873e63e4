import type { ErrorCode, ErrorDetail, ErrorIssue } from './error-codes'

/** An error answer from the console's API, as the browser sees it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network_error' | 'invalid_response',
    message: string,
    readonly issues: ErrorIssue[] = [],
    /** Structured facts from the server (e.g. a Kubernetes 403's verb, resource, namespace). */
    readonly detail: ErrorDetail = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** 4xx answers will not change on retry (wrong input, no permission, not found). */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500
  }
}
