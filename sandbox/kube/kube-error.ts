// Kubernetes `Status` failure bodies (apimachinery metav1.Status) and the error type handlers throw to produce them.

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Expired'
  | 'Forbidden'
  | 'Unauthorized'
  | 'BadRequest'
  | 'Invalid'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'TooManyRequests'
  | 'ServiceUnavailable'
  | 'Timeout'

const CODE_BY_REASON: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Expired: 410,
  Forbidden: 403,
  Unauthorized: 401,
  BadRequest: 400,
  Invalid: 422,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  UnsupportedMediaType: 415,
  InternalError: 500,
  TooManyRequests: 429,
  ServiceUnavailable: 503,
  Timeout: 504,
}

export interface StatusDetails {
  name?: string
  group?: string
  kind?: string
  retryAfterSeconds?: number
  causes?: { reason?: string; message?: string; field?: string }[]
}

/** The JSON body kube-apiserver sends with every failed request. */
export interface StatusBody {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: Record<string, never>
  status: 'Failure'
  message: string
  reason: StatusReason
  details?: StatusDetails
  code: number
}

/** An error a handler throws; the server turns it into a `Status` body with the matching HTTP code. */
export class KubeError extends Error {
  readonly reason: StatusReason
  readonly code: number
  readonly details?: StatusDetails

  constructor(reason: StatusReason, message: string, details?: StatusDetails) {
    super(message)
    this.reason = reason
    this.code = CODE_BY_REASON[reason]
    this.details = details
  }

  /** Serializes the error as kube-apiserver does. */
  toStatus(): StatusBody {
    const body: StatusBody = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    }
    if (this.details) body.details = this.details
    return body
  }
}

/** What a resource is called in messages: `pods`, or `roles.rbac.authorization.k8s.io` outside the core group. */
export function formatGroupResource(group: string, resource: string): string {
  return group === '' ? resource : `${resource}.${group}`
}

/** `pods "web-1" not found` with details, exactly like apimachinery's NewNotFound. */
export function buildNotFound(group: string, resource: string, name: string): KubeError {
  return new KubeError('NotFound', `${formatGroupResource(group, resource)} "${name}" not found`, {
    name,
    group: group || undefined,
    kind: resource,
  })
}

/** `configmaps "x" already exists` (apimachinery NewAlreadyExists). */
export function buildAlreadyExists(group: string, resource: string, name: string): KubeError {
  return new KubeError('AlreadyExists', `${formatGroupResource(group, resource)} "${name}" already exists`, {
    name,
    group: group || undefined,
    kind: resource,
  })
}

/** The optimistic-concurrency failure kubectl users know (apimachinery NewConflict + registry message). */
export function buildConflict(group: string, resource: string, name: string): KubeError {
  return new KubeError(
    'Conflict',
    `Operation cannot be fulfilled on ${formatGroupResource(group, resource)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: group || undefined, kind: resource },
  )
}

/** A 422 Invalid with one field cause, e.g. a name mismatch between URL and body. */
export function buildInvalid(group: string, kind: string, name: string, field: string, detail: string): KubeError {
  return new KubeError('Invalid', `${kind} "${name}" is invalid: ${field}: ${detail}`, {
    name,
    group: group || undefined,
    kind,
    causes: [{ reason: 'FieldValueInvalid', message: detail, field }],
  })
}
