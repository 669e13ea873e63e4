// Well-shaped fast-check arbitraries for the reliability suite: near-valid ARNs, hostile text (unicode, control
// characters, huge), deeply nested JSON, and a check that a zod schema answers every input without throwing.
import fc from 'fast-check'
import { expect } from 'vitest'
import type { z } from 'zod'

/** Fixed seed and bounded runs: the same inputs on every machine, and the suite stays fast on 2 cores. */
export const propertyRuns = { numRuns: 50, seed: 20261202 } as const

/** Short text that trips parsers: any unicode, control characters, separators, escapes. */
export const shortHostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '\u0000', '\n', '%', '%E0%A4%A', '%25', '{{SessionName}}', '*', '..', '/', ':', '\u202e'),
  fc
    .array(fc.constantFrom('/', ':', '*', '%', '{', '[', '"', '\\', '\u0000', 'a', '1'), { maxLength: 40 })
    .map((a) => a.join('')),
)

/** {@link shortHostileText}, now and then 100,000 characters long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: shortHostileText },
  { weight: 1, arbitrary: fc.constant('a'.repeat(100_000)) },
)

const iamName = fc.stringMatching(/^[\w+=,.@-]{1,64}$/)
const iamPathSegments = fc.array(fc.stringMatching(/^[\w+=,.@-]{1,12}$/), { maxLength: 3 })

/** A valid IAM role or user ARN, with its parts. */
export const validPrincipalArn = fc
  .record({
    partition: fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
    account: fc.stringMatching(/^\d{12}$/),
    type: fc.constantFrom('role', 'user'),
    path: iamPathSegments.filter((p) => p[0] !== 'aws-service-role'),
    name: iamName,
  })
  .map((p) => ({
    ...p,
    arn: `arn:${p.partition}:iam::${p.account}:${p.type}/${p.path.map((s) => `${s}/`).join('')}${p.name}`,
  }))

/** ARNs that are almost right: every part drawn from valid and wrong values, plus mutations of valid ones. */
export const nearValidArn: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      partition: fc.constantFrom('aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'awz', '', 'AWS'),
      service: fc.constantFrom('iam', 'sts', 'eks', 's3', '', 'IAM'),
      region: fc.constantFrom('', 'us-west-2', 'x'),
      account: fc.constantFrom('111122223333', 'aws', '12345', '', '１１１１２２２２３３３３', '1111222233334'),
      type: fc.constantFrom('role', 'user', 'group', 'assumed-role', 'federated-user', 'root', 'policy', 'cluster', ''),
      rest: fc.array(
        fc.oneof(
          iamName,
          hostileText.filter((s) => s.length < 50),
        ),
        { maxLength: 4 },
      ),
    })
    .map((p) => `arn:${p.partition}:${p.service}:${p.region}:${p.account}:${[p.type, ...p.rest].join('/')}`),
  validPrincipalArn.chain(({ arn }) =>
    fc.oneof(
      fc.constant(arn),
      fc.nat({ max: arn.length }).map((i) => arn.slice(0, i)),
      fc
        .tuple(
          fc.nat({ max: arn.length }),
          hostileText.filter((s) => s.length < 20),
        )
        .map(([i, s]) => arn.slice(0, i) + s + arn.slice(i)),
      fc.constant(encodeURIComponent(arn)),
      fc.constant(encodeURIComponent(encodeURIComponent(arn))),
      fc.constant(` ${arn.toUpperCase()} `),
    ),
  ),
)

/** A JSON value nested `depth` levels deep (arrays or objects), built without recursion. */
export function nestedJson(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'x'
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value }
  return value
}

// 10,000 levels: past what JSON.stringify survives (it overflows the stack at about 5,000), well within a 1 MB body.
const DEEP_ARRAY = nestedJson(10_000, 'array')
const DEEP_OBJECT = nestedJson(10_000, 'object')

/** Any JSON, shallow or nested deeper than a recursive walk survives. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(DEEP_ARRAY, DEEP_OBJECT) },
)

/** A record drawing its fields from `fields` (each present or not), with anyJson for the rest: near-valid bodies. */
export function nearValidBody(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const withJunk = Object.fromEntries(
    Object.entries(fields).map(([key, arb]) => [
      key,
      fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: anyJson }),
    ]),
  )
  return fc.record(withJunk, { requiredKeys: [] })
}

/** Asserts that `schema.safeParse` answers every generated input (success or issues) and never throws. */
export function expectSafeParseNeverThrows(schema: z.ZodType, inputs: fc.Arbitrary<unknown>): void {
  fc.assert(
    fc.property(inputs, (input) => {
      const result = schema.safeParse(input)
      expect(typeof result.success).toBe('boolean')
      if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0)
    }),
    propertyRuns,
  )
}
