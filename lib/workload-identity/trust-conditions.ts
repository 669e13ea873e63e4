// Evaluates the Condition block of a trust-policy statement against the request context the console can predict
// (an IRSA token's sub/aud, Pod Identity session tags). Keys the console cannot predict make the answer "unknown".
import { matchesWildcard, toList, type PolicyStatement } from './trust-policy'

/** Condition keys the console knows the value of, lower-cased (IAM condition keys are case-insensitive). */
export type ConditionContext = Record<string, string>

/** `match`: every condition holds; `no-match`: one fails (named); `unknown`: some keys could not be evaluated. */
export type ConditionResult =
  | { result: 'match' }
  | { result: 'no-match'; key: string; operator: string; values: string[] }
  | { result: 'unknown'; keys: string[] }

type Test = (values: string[], actual: string) => boolean
const anyEquals: Test = (values, actual) => values.includes(actual)
const anyLike: Test = (values, actual) => values.some((v) => matchesWildcard(v, actual))
const OPERATORS: Record<string, Test> = {
  stringequals: anyEquals,
  arnequals: anyEquals,
  stringequalsignorecase: (values, actual) => values.some((v) => v.toLowerCase() === actual.toLowerCase()),
  stringlike: anyLike,
  arnlike: anyLike,
  stringnotequals: (values, actual) => !anyEquals(values, actual),
  arnnotequals: (values, actual) => !anyEquals(values, actual),
  stringnotlike: (values, actual) => !anyLike(values, actual),
  arnnotlike: (values, actual) => !anyLike(values, actual),
}

/**
 * Evaluates `statement.Condition`: every operator and key must hold (AND), any value of a key may match (OR), as IAM
 * evaluates them. `…IfExists` holds when the key is absent; `ForAnyValue:`/`ForAllValues:` and unknown operators are
 * reported as unknown rather than guessed.
 */
export function evaluateConditions(statement: PolicyStatement, context: ConditionContext): ConditionResult {
  const condition = statement.Condition
  if (typeof condition !== 'object' || condition === null) return { result: 'match' }
  const unknown: string[] = []
  for (const [rawOperator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (typeof block !== 'object' || block === null) continue
    const ifExists = /ifexists$/i.test(rawOperator)
    const operator = rawOperator.replace(/ifexists$/i, '')
    const test = rawOperator.includes(':') ? undefined : OPERATORS[operator.toLowerCase()]
    for (const [key, rawValues] of Object.entries(block as Record<string, unknown>)) {
      const actual = context[key.toLowerCase()]
      if (!test || (actual === undefined && !ifExists)) {
        unknown.push(`${rawOperator} ${key}`)
        continue
      }
      if (actual === undefined) continue
      const values = toList(rawValues)
      if (!test(values, actual)) return { result: 'no-match', key, operator: rawOperator, values }
    }
  }
  return unknown.length > 0 ? { result: 'unknown', keys: unknown } : { result: 'match' }
}
