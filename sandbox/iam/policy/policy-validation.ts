import { AwsError } from '../../core/aws-error'

const malformed = (message: string) => new AwsError('MalformedPolicyDocument', 400, message)

/**
 * Validates an identity policy the way IAM does before storing it: valid JSON, a Statement, each with an Effect, an
 * Action or NotAction, a Resource or NotResource, and no Principal (identity policies have none). Returns it as sent.
 */
export function validateIdentityPolicy(document: string): string {
  let parsed: unknown
  try {
    parsed = JSON.parse(document)
  } catch {
    throw malformed('Syntax errors in policy.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw malformed('Syntax errors in policy.')
  const statement = (parsed as Record<string, unknown>).Statement
  if (statement === undefined || (Array.isArray(statement) && statement.length === 0))
    throw malformed('Missing required field Statement')
  for (const s of Array.isArray(statement) ? statement : [statement]) {
    if (typeof s !== 'object' || s === null) throw malformed('Syntax errors in policy.')
    const st = s as Record<string, unknown>
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') throw malformed('Missing required field Effect')
    if (st.Principal !== undefined || st.NotPrincipal !== undefined)
      throw malformed('Policy document should not specify a principal.')
    if (st.Action === undefined && st.NotAction === undefined) throw malformed('Missing required field Action')
    if (st.Resource === undefined && st.NotResource === undefined) throw malformed('Missing required field Resource')
  }
  return document
}
