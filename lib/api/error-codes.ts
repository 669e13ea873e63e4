/**
 * Every error code the console's API returns, and its HTTP status: the one place this mapping lives.
 * Upstream (AWS / Kubernetes) failures are 502/503/504 so the browser can tell "our request was wrong" (4xx, never retried)
 * from "something behind the console is unwell" (5xx).
 */
export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  aws_access_denied: 403,
  // The cluster's Kubernetes API refused the console's identity (RBAC / access policy): not the person's console role.
  kubernetes_forbidden: 403,
  not_found: 404,
  conflict: 409,
  // An access-entry write whose If-Match names a version that is no longer current (someone else saved first).
  precondition_failed: 412,
  // A write body over the console's 1 MB limit.
  payload_too_large: 413,
  // A write body that is not application/json (text/plain and form bodies are what a CSRF page can send).
  unsupported_media_type: 415,
  validation_failed: 422,
  // An access-entry write that replaces a list (groups, a policy's namespaces) sent without If-Match.
  precondition_required: 428,
  internal: 500,
  upstream_error: 502,
  upstream_unreachable: 502,
  aws_credentials_rejected: 502,
  // The cluster's API server did not accept the console's EKS token (no access entry / aws-auth mapping, bad token).
  kubernetes_unauthorized: 502,
  throttled: 503,
  upstream_unavailable: 503,
  // AWS or the cluster's Kubernetes API did not answer within the console's upstream timeout (lib/api/upstream-timeout).
  upstream_timeout: 504,
} as const satisfies Record<string, number>

/** A machine-readable error code of the console's API. */
export type ErrorCode = keyof typeof errorStatus

/** True when `code` is one of the console's error codes (used when parsing an error body from the wire). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorStatus, code)
}

/** One field-level problem, as zod reports it and as forms show it next to the field. */
export type ErrorIssue = { path: (string | number)[]; message: string }

/**
 * Structured facts behind an error, so the UI can phrase it (a Kubernetes 403 carries `verb`, `resource`, `group`,
 * `namespace`, `name`; an unreachable cluster its `endpoint`). Flat scalars only: it travels as JSON.
 */
export type ErrorDetail = Record<string, string | number | boolean | null>

/** The JSON body of every error response: `{ error: { code, message, issues?, detail? } }`. */
export type ErrorBody = { error: { code: ErrorCode; message: string; issues?: ErrorIssue[]; detail?: ErrorDetail } }
