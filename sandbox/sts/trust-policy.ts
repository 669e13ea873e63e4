/** The principal asking to assume a role, as trust-policy evaluation sees it. */
export interface AssumingPrincipal {
  /** The caller's ARN: `arn:aws:iam::<acct>:user/<name>` or `arn:aws:sts::<acct>:assumed-role/<role>/<session>`. */
  arn: string
  account: string
  /** For role sessions: the role's IAM ARN (path included), which a trust policy names to trust its sessions. */
  roleArn?: string
}

export interface TrustRequest {
  action: string
  principal: AssumingPrincipal
  /** Request context keys available to conditions (e.g. `sts:RoleSessionName`, `sts:ExternalId`). */
  context: Record<string, string | undefined>
}

export type TrustDecision = { allowed: true } | { allowed: false; reason: 'explicit-deny' | 'no-allow' | 'malformed' }

type Json = unknown

function toArray(value: Json): Json[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

/** IAM wildcard match: `*` any run, `?` one character; case-insensitive when asked (actions are). */
function matchWildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${escaped}$`, ignoreCase ? 'i' : '').test(value)
}

function matchesAction(statement: Record<string, Json>, action: string): boolean {
  // NotAction in a trust policy is rare; not understanding it must never widen access, so it never matches an Allow.
  if (statement.NotAction !== undefined) return false
  return toArray(statement.Action).some((a) => typeof a === 'string' && matchWildcard(a, action, true))
}

/**
 * Whether a Principal element names the caller. The account (`"111122223333"` or `arn:aws:iam::…:root`) trusts every
 * principal of that account; a user ARN trusts that user; a role ARN trusts that role's sessions; an assumed-role ARN
 * trusts that one session. Service and Federated principals never match IAM callers.
 */
function matchesPrincipal(principal: Json, caller: AssumingPrincipal): boolean {
  if (principal === '*') return true
  if (typeof principal !== 'object' || principal === null || Array.isArray(principal)) return false
  return toArray((principal as Record<string, Json>).AWS).some((entry) => {
    if (typeof entry !== 'string') return false
    if (entry === '*') return true
    if (/^\d{12}$/.test(entry)) return entry === caller.account
    if (entry === `arn:aws:iam::${caller.account}:root`) return true
    return entry === caller.arn || (caller.roleArn !== undefined && entry === caller.roleArn)
  })
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

const KNOWN_KEYS = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'sts:rolesessionname',
  'sts:externalid',
  'aws:username',
])

/**
 * Evaluates a Condition block. Returns undefined when it uses an operator or key this sandbox does not model: the
 * caller must then fail safe (an Allow does not apply, a Deny does).
 */
function evaluateCondition(condition: Json, req: TrustRequest): boolean | undefined {
  if (condition === undefined) return true
  if (typeof condition !== 'object' || condition === null) return undefined
  for (const [operator, block] of Object.entries(condition as Record<string, Json>)) {
    const ifExists = operator.endsWith('IfExists')
    const test = STRING_OPERATORS[ifExists ? operator.slice(0, -'IfExists'.length) : operator]
    if (!test || typeof block !== 'object' || block === null) return undefined
    for (const [key, patterns] of Object.entries(block as Record<string, Json>)) {
      if (!KNOWN_KEYS.has(key.toLowerCase())) return undefined
      const value = req.context[key.toLowerCase()]
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

/**
 * Decides whether a role's trust policy lets the principal perform the STS action: an applicable Deny wins, else
 * an applicable Allow is required. Statements using NotPrincipal or conditions this sandbox does not understand are
 * treated as "Deny applies / Allow does not", so the sandbox never grants more than AWS would.
 */
export function evaluateTrustPolicy(document: string, req: TrustRequest): TrustDecision {
  let policy: Json
  try {
    policy = JSON.parse(document)
  } catch {
    return { allowed: false, reason: 'malformed' }
  }
  const statements = toArray((policy as Record<string, Json> | null)?.Statement)
  let allowed = false
  for (const raw of statements) {
    if (typeof raw !== 'object' || raw === null) continue
    const statement = raw as Record<string, Json>
    const understoodPrincipal = statement.NotPrincipal === undefined
    const principalMatches = understoodPrincipal ? matchesPrincipal(statement.Principal, req.principal) : true
    const actionMatches = statement.NotAction !== undefined || matchesAction(statement, req.action)
    const condition = evaluateCondition(statement.Condition, req)
    if (statement.Effect === 'Deny') {
      if (principalMatches && actionMatches && condition !== false) return { allowed: false, reason: 'explicit-deny' }
    } else if (statement.Effect === 'Allow') {
      if (understoodPrincipal && principalMatches && matchesAction(statement, req.action) && condition === true)
        allowed = true
    }
  }
  return allowed ? { allowed: true } : { allowed: false, reason: 'no-allow' }
}
