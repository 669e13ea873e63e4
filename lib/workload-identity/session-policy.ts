// An association's inline session policy (docs/pod-identity.md#session-policy): checked and compacted before sending, pretty for reading.
import { z } from 'zod'

import { multiLineText } from '@/lib/validation/text-fields'

// Existing importers keep working; pages import these from session-policy-text.ts (no zod: docs/client-bundle.md).
export { compactSessionPolicy, prettySessionPolicy } from './session-policy-text'

/**
 * The longest inline session policy AWS takes: 2,048 characters is STS AssumeRole's documented limit for `Policy`.
 * EKS documents no limit of its own for the association's `policy` (its API model has a plain string), so the
 * AssumeRole limit is an assumption (UNVERIFIED); it is checked on the compacted JSON, which is what AWS receives.
 */
export const SESSION_POLICY_MAX_CHARS = 2048

/** Parses a typed session policy: the compact JSON AWS is sent, or what is wrong with it in plain words. */
export function readSessionPolicy(text: string): { policy: string } | { problem: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { problem: `The session policy is not valid JSON (${(error as Error).message}).` }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { problem: 'The session policy must be a JSON object, like {"Version": "2012-10-17", "Statement": […]}.' }
  }
  const statement = (parsed as Record<string, unknown>).Statement
  const hasStatement = Array.isArray(statement)
    ? statement.length > 0
    : typeof statement === 'object' && statement !== null
  if (!hasStatement) {
    return { problem: 'The session policy needs a "Statement": one statement object or a non-empty list of them.' }
  }
  let policy: string
  try {
    policy = JSON.stringify(parsed)
  } catch {
    // JSON.parse takes any depth, but JSON.stringify recurses and overflows the stack a few thousand levels down.
    return { problem: 'The session policy is nested too deeply to be an IAM policy.' }
  }
  if (policy.length > SESSION_POLICY_MAX_CHARS) {
    return {
      problem: `Compacted, the session policy is ${policy.length} characters; AWS accepts at most 2,048.`,
    }
  }
  return { policy }
}

/** An inline session policy: blank is none; otherwise a JSON policy object, compacted to what AWS is sent. */
export const sessionPolicySchema = multiLineText()
  .trim()
  .transform((text, ctx) => {
    if (text === '') return ''
    const read = readSessionPolicy(text)
    if ('policy' in read) return read.policy
    ctx.addIssue({ code: 'custom', message: read.problem })
    return z.NEVER
  })
  .default('')

/** EKS refuses a session policy while session tags are on (docs/pod-identity.md#session-policy); say so on the policy before submitting. */
export function requireSessionTagsOffForPolicy(
  value: { policy: string; disableSessionTags: boolean },
  ctx: z.RefinementCtx,
) {
  if (value.policy !== '' && !value.disableSessionTags) {
    ctx.addIssue({
      code: 'custom',
      path: ['policy'],
      message: 'A session policy needs session tags turned off: tick "Disable session tags", or clear the policy.',
    })
  }
}
