import { AwsError, createValidationError } from '../core/aws-error'
import type { IamState } from './state'

const NAME_PATTERN = /^[\w+=,.@-]+$/
const PATH_PATTERN = /^(\/|\/[\u0021-\u007E]+\/)$/

/** Requires a parameter, with IAM's "Member must not be null" wording when it is absent. */
export function requireParam(value: string | undefined, member: string): string {
  if (value === undefined) {
    throw new AwsError(
      'ValidationError',
      400,
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    )
  }
  return value
}

/** Validates a role or user name: 1–64 characters of `[\w+=,.@-]` (IAM constraint). */
export function validateEntityName(value: string, member: string): string {
  if (value.length < 1) throw createValidationError(member, value, 'Member must have length greater than or equal to 1')
  if (value.length > 64) throw createValidationError(member, value, 'Member must have length less than or equal to 64')
  if (!NAME_PATTERN.test(value)) {
    throw createValidationError(member, value, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+')
  }
  return value
}

/** Validates an IAM path (`/` or `/a/b/`) or path prefix. */
export function validatePath(value: string, member: string): string {
  if (value.length > 512)
    throw createValidationError(member, value, 'Member must have length less than or equal to 512')
  if (!PATH_PATTERN.test(value)) {
    throw createValidationError(
      member,
      value,
      'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
    )
  }
  return value
}

/** Validates a PathPrefix filter (IAM allows any `/`-started prefix, e.g. `/aws-reserved/`). */
export function validatePathPrefix(value: string | undefined): string {
  if (value === undefined || value === '') return '/'
  if (!value.startsWith('/') || value.length > 512) {
    throw createValidationError(
      'pathPrefix',
      value,
      'Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*',
    )
  }
  return value
}

/**
 * Validates a trust (assume-role) policy the way IAM does before storing it: valid JSON, a Statement, and AWS
 * principals of this account that actually exist (IAM rejects unknown ones with "Invalid principal in policy").
 */
export function validateTrustPolicy(document: string, iam: IamState, account: string): void {
  let parsed: unknown
  try {
    parsed = JSON.parse(document)
  } catch {
    throw new AwsError('MalformedPolicyDocument', 400, 'This policy contains invalid Json')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AwsError('MalformedPolicyDocument', 400, 'This policy contains invalid Json')
  }
  const statement = (parsed as Record<string, unknown>).Statement
  if (statement === undefined || (Array.isArray(statement) && statement.length === 0)) {
    throw new AwsError('MalformedPolicyDocument', 400, 'Missing required field Statement')
  }
  for (const s of Array.isArray(statement) ? statement : [statement]) {
    if (typeof s !== 'object' || s === null)
      throw new AwsError('MalformedPolicyDocument', 400, 'Syntax errors in policy.')
    const st = s as Record<string, unknown>
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') {
      throw new AwsError('MalformedPolicyDocument', 400, 'Missing required field Effect')
    }
    if (st.Principal === undefined && st.NotPrincipal === undefined) {
      throw new AwsError('MalformedPolicyDocument', 400, 'Missing required field Principal')
    }
    const principal = st.Principal
    if (typeof principal === 'object' && principal !== null) {
      const aws = (principal as Record<string, unknown>).AWS
      for (const arn of Array.isArray(aws) ? aws : aws === undefined ? [] : [aws]) {
        if (typeof arn !== 'string') continue
        const own = new RegExp(`^arn:aws:iam::${account}:(user|role)/`).exec(arn)
        if (own && !iam.users.some((u) => u.arn === arn) && !iam.roles.some((r) => r.arn === arn)) {
          throw new AwsError('MalformedPolicyDocument', 400, `Invalid principal in policy: "AWS":"${arn}"`)
        }
      }
    }
  }
}
