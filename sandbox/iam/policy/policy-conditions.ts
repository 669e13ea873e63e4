// The parts of the IAM policy language that trust policies and identity policies share: wildcard matching and the
// Condition operators this sandbox models (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).

/** A policy element that may be one value or a list. */
export function toArray(value: unknown): unknown[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

/** IAM wildcard match: `*` any run, `?` one character; case-insensitive when asked (actions are). */
export function matchWildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${escaped}$`, ignoreCase ? 'i' : '').test(value)
}

const STRING_OPERATORS: Record<string, (pattern: string, value: string) => boolean> = {
  StringEquals: (p, v) => p === v,
  StringNotEquals: (p, v) => p !== v,
  StringEqualsIgnoreCase: (p, v) => p.toLowerCase() === v.toLowerCase(),
  StringLike: (p, v) => matchWildcard(p, v, false),
  StringNotLike: (p, v) => !matchWildcard(p, v, false),
  ArnEquals: (p, v) => p === v,
  ArnLike: (p, v) => matchWildcard(p, v, false),
}

/**
 * Evaluates a Condition block against request context keys (lower-cased; a key present with `undefined` is known but
 * absent from this request). Returns undefined when the block uses an operator or key this sandbox does not model:
 * the caller must then fail safe (an Allow does not apply, a Deny does).
 */
export function evaluateCondition(
  condition: unknown,
  context: Record<string, string | undefined>,
): boolean | undefined {
  if (condition === undefined) return true
  if (typeof condition !== 'object' || condition === null) return undefined
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    const ifExists = operator.endsWith('IfExists')
    const test = STRING_OPERATORS[ifExists ? operator.slice(0, -'IfExists'.length) : operator]
    if (!test || typeof block !== 'object' || block === null) return undefined
    for (const [key, patterns] of Object.entries(block as Record<string, unknown>)) {
      if (!(key.toLowerCase() in context)) return undefined
      const value = context[key.toLowerCase()]
      if (value === undefined) {
        if (ifExists) continue
        return false
      }
      // Multiple values for one key are OR-ed; for the negated operators AWS requires none to match (AND).
      const values = toArray(patterns).map(String)
      const negated = operator.startsWith('StringNot')
      const ok = negated ? values.every((p) => test(p, value)) : values.some((p) => test(p, value))
      if (!ok) return false
    }
  }
  return true
}
