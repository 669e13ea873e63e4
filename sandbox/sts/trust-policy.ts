import { evaluateCondition, matchWildcard, toArray } from '../iam/policy/policy-conditions'

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

/**
 * `via` says how the Allow named the caller: `principal` grants on its own (same account), `account` only delegates
 * to the caller's identity policies (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
 */
export type TrustDecision =
  { allowed: true; via: PrincipalMatch } | { allowed: false; reason: 'explicit-deny' | 'no-allow' | 'malformed' }

type Json = unknown

function matchesAction(statement: Record<string, Json>, action: string): boolean {
  // NotAction in a trust policy is rare; not understanding it must never widen access, so it never matches an Allow.
  if (statement.NotAction !== undefined) return false
  return toArray(statement.Action).some((a) => typeof a === 'string' && matchWildcard(a, action, true))
}

/** How a trust policy's Principal names the caller: the caller itself (or everyone), or only its account. */
export type PrincipalMatch = 'principal' | 'account'

/**
 * Whether a Principal element names the caller. The account (`"111122223333"` or `arn:aws:iam::…:root`) trusts every
 * principal of that account, subject to their identity policies; a user ARN trusts that user; a role ARN trusts that
 * role's sessions; an assumed-role ARN trusts that one session. Service and Federated principals never match IAM
 * callers. A direct match wins over an account match.
 */
function matchPrincipal(principal: Json, caller: AssumingPrincipal): PrincipalMatch | undefined {
  if (principal === '*') return 'principal'
  if (typeof principal !== 'object' || principal === null || Array.isArray(principal)) return undefined
  let match: PrincipalMatch | undefined
  for (const entry of toArray((principal as Record<string, Json>).AWS)) {
    if (typeof entry !== 'string') continue
    if (entry === '*' || entry === caller.arn || (caller.roleArn !== undefined && entry === caller.roleArn))
      return 'principal'
    if (entry === caller.account || entry === `arn:aws:iam::${caller.account}:root`) match = 'account'
  }
  return match
}

// The context keys trust-policy conditions may use; any other key makes the condition "not understood".
const KNOWN_KEYS = ['aws:principalarn', 'aws:principalaccount', 'sts:rolesessionname', 'sts:externalid', 'aws:username']

function evaluateTrustCondition(condition: Json, req: TrustRequest): boolean | undefined {
  const context: Record<string, string | undefined> = {}
  for (const key of KNOWN_KEYS) context[key] = req.context[key]
  return evaluateCondition(condition, context)
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
  let allowed: PrincipalMatch | undefined
  for (const raw of statements) {
    if (typeof raw !== 'object' || raw === null) continue
    const statement = raw as Record<string, Json>
    const understoodPrincipal = statement.NotPrincipal === undefined
    const principal = understoodPrincipal ? matchPrincipal(statement.Principal, req.principal) : 'principal'
    const actionMatches = statement.NotAction !== undefined || matchesAction(statement, req.action)
    const condition = evaluateTrustCondition(statement.Condition, req)
    if (statement.Effect === 'Deny') {
      if (principal && actionMatches && condition !== false) return { allowed: false, reason: 'explicit-deny' }
    } else if (statement.Effect === 'Allow') {
      if (understoodPrincipal && principal && matchesAction(statement, req.action) && condition === true)
        allowed = allowed === 'principal' ? allowed : principal
    }
  }
  return allowed ? { allowed: true, via: allowed } : { allowed: false, reason: 'no-allow' }
}
