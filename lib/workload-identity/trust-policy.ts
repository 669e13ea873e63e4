// IAM trust policies (role AssumeRolePolicyDocument) as the console reads them. Pure and isomorphic.
// IAM returns the document URL-encoded (RFC 3986) and the JS SDK v3 does not decode it (docs/eks-wire-protocols.md#iam-details-the-console-depends-on, fact 13).

/** One statement, kept as IAM sent it so nothing the console does not understand is lost on write. */
export type PolicyStatement = Record<string, unknown>

/** A parsed trust policy; `Statement` is always an array here, other top-level keys are kept untouched. */
export type TrustPolicy = { Version?: string; Statement: PolicyStatement[] } & Record<string, unknown>

/** The outcome of reading a document: the policy, or why it could not be read. */
export type ParsedTrustPolicy = { ok: true; policy: TrustPolicy } | { ok: false; error: string }

/**
 * Decodes and parses a trust policy as IAM returns it (URL-encoded JSON) or as a person pastes it (plain JSON).
 * A single `Statement` object is wrapped in an array.
 */
export function parseTrustPolicy(document: string): ParsedTrustPolicy {
  let text = document.trim()
  if (!text.startsWith('{')) {
    try {
      text = decodeURIComponent(text)
    } catch {
      return { ok: false, error: 'The trust policy is neither JSON nor URL-encoded JSON.' }
    }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, error: 'The trust policy is not valid JSON.' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'The trust policy is not a JSON object.' }
  }
  const raw = value as Record<string, unknown>
  const statement = raw.Statement
  const statements = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement]
  if (!statements.every((s) => typeof s === 'object' && s !== null && !Array.isArray(s))) {
    return { ok: false, error: 'A statement of the trust policy is not a JSON object.' }
  }
  return { ok: true, policy: { ...raw, Statement: statements as PolicyStatement[] } }
}

/** Pretty JSON with two-space indent, the way IAM's console shows trust policies (and how diffs are computed). */
export function formatTrustPolicy(policy: TrustPolicy): string {
  return JSON.stringify(policy, null, 2)
}

/** A string or list of strings, as IAM allows for Action, Principal values and condition values. */
export function toList(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)]
  return []
}

/**
 * IAM's wildcard match: `*` any run of characters, `?` one character. `caseInsensitive` for actions, which IAM
 * matches without regard to case.
 */
export function matchesWildcard(pattern: string, value: string, caseInsensitive = false): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${escaped}$`, caseInsensitive ? 'i' : '').test(value)
}

/** Whether a statement's Action (or NotAction) allows `action`. */
export function statementCoversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.NotAction !== undefined) {
    return !toList(statement.NotAction).some((p) => matchesWildcard(p, action, true))
  }
  return toList(statement.Action).some((p) => matchesWildcard(p, action, true))
}

/** The principals of one type (`Service`, `AWS`, `Federated`) a statement names; `*` matches every principal. */
export function statementPrincipals(statement: PolicyStatement, type: 'Service' | 'AWS' | 'Federated'): string[] {
  const principal = statement.Principal
  if (principal === '*') return ['*']
  if (typeof principal !== 'object' || principal === null) return []
  return toList((principal as Record<string, unknown>)[type])
}

/** Whether a statement's Principal names `value` of `type` (NotPrincipal statements are never matched). */
export function statementNamesPrincipal(
  statement: PolicyStatement,
  type: 'Service' | 'AWS' | 'Federated',
  value: string,
): boolean {
  if (statement.NotPrincipal !== undefined) return false
  return statementPrincipals(statement, type).some((p) => p === '*' || p === value)
}
