import { evaluateCondition, matchWildcard, toArray } from './policy-conditions'

// Identity-based policy evaluation for one policy document: which statements apply to a request
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).

/** One authorization question: may the principal perform `action` on `resource`? */
export interface PolicyRequest {
  /** `service:Operation`, e.g. `eks:DescribeCluster` (matched case-insensitively, as IAM does). */
  action: string
  /** The resource ARN, or `*` for operations without one. */
  resource: string
  /** Request context keys, lower-cased (`aws:username`, `aws:userid`, `aws:principalarn`, …). */
  context: Record<string, string | undefined>
}

/** What one document says about a request: an applicable Deny, an applicable Allow, both, or neither. */
export interface DocumentVerdict {
  deny: boolean
  allow: boolean
}

type Statement = Record<string, unknown>

/**
 * Replaces `${aws:username}`-style policy variables from the request context. An unknown or absent variable (and
 * the rare `${*}` escapes) yields undefined: the resource pattern then matches nothing (fail safe for Allow; a Deny is applied conservatively).
 */
function substituteVariables(pattern: string, context: PolicyRequest['context']): string | undefined {
  let unknown = false
  const out = pattern.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
    const value = context[name.toLowerCase()]
    if (value === undefined) unknown = true
    return value ?? ''
  })
  return unknown ? undefined : out
}

function matchesResourcePattern(pattern: unknown, req: PolicyRequest): boolean | undefined {
  if (typeof pattern !== 'string') return false
  const concrete = substituteVariables(pattern, req.context)
  if (concrete === undefined) return undefined
  if (concrete === '*') return true
  return matchWildcard(concrete, req.resource, false)
}

function matchesList(values: unknown, test: (v: unknown) => boolean | undefined): boolean | undefined {
  let unknown = false
  for (const v of toArray(values)) {
    const r = test(v)
    if (r === true) return true
    if (r === undefined) unknown = true
  }
  return unknown ? undefined : false
}

/** Whether the statement's Action/NotAction covers the action (undefined: the statement names neither). */
function matchesAction(statement: Statement, action: string): boolean | undefined {
  const test = (a: unknown) => typeof a === 'string' && matchWildcard(a, action, true)
  if (statement.Action !== undefined) return matchesList(statement.Action, test) === true
  if (statement.NotAction !== undefined) return matchesList(statement.NotAction, test) !== true
  return undefined
}

/** Resource/NotResource; undefined when a policy variable could not be resolved. */
function matchesResource(statement: Statement, req: PolicyRequest): boolean | undefined {
  const test = (r: unknown) => matchesResourcePattern(r, req)
  if (statement.Resource !== undefined) return matchesList(statement.Resource, test)
  if (statement.NotResource !== undefined) {
    const hit = matchesList(statement.NotResource, test)
    return hit === undefined ? undefined : !hit
  }
  return undefined
}

/**
 * Evaluates one identity policy document (JSON text). Statements this sandbox cannot fully evaluate (unknown
 * condition keys or operators, unresolvable policy variables) never grant, and their Deny applies: the sandbox must
 * never allow more than AWS would. A document that is not valid JSON grants nothing.
 */
export function evaluateIdentityDocument(document: string, req: PolicyRequest): DocumentVerdict {
  let policy: unknown
  try {
    policy = JSON.parse(document)
  } catch {
    return { deny: false, allow: false }
  }
  const verdict: DocumentVerdict = { deny: false, allow: false }
  for (const raw of toArray((policy as Record<string, unknown> | null)?.Statement)) {
    if (typeof raw !== 'object' || raw === null) continue
    const statement = raw as Statement
    if (matchesAction(statement, req.action) !== true) continue
    const resource = matchesResource(statement, req)
    if (resource === false) continue
    const condition = evaluateCondition(statement.Condition, req.context)
    if (statement.Effect === 'Deny' && condition !== false) verdict.deny = true
    if (statement.Effect === 'Allow' && resource === true && condition === true) verdict.allow = true
  }
  return verdict
}
