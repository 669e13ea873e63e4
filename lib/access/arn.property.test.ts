// Properties of ARN parsing and the principal ARN schema: no input throws, and a built ARN parses back to its parts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  expectSafeParseNeverThrows,
  hostileText,
  nearValidArn,
  propertyRuns,
  validPrincipalArn,
} from '@/tests/support/reliability-arbitraries'

import { canonicalizeAssumedRole, isIamRoleArn, isServiceLinkedRole, parseArn, principalDisplayName } from './arn'
import { findPrincipalArnProblem, principalArnSchema } from './principal-arn-schema'

const anyArnText = fc.oneof(nearValidArn, hostileText)

describe('parseArn and friends', () => {
  it('answer every string without throwing', () => {
    fc.assert(
      fc.property(anyArnText, (text) => {
        const parsed = parseArn(text)
        if (parsed) expect(text.startsWith('arn:')).toBe(true)
        expect(typeof isIamRoleArn(text)).toBe('boolean')
        expect(typeof isServiceLinkedRole(text)).toBe('boolean')
        expect(typeof canonicalizeAssumedRole(text)).toBe('string')
        expect(typeof principalDisplayName(text)).toBe('string')
      }),
      propertyRuns,
    )
  })

  it('parse a built role or user ARN back to its partition, account, path and name', () => {
    fc.assert(
      fc.property(validPrincipalArn, ({ arn, partition, account, type, path, name }) => {
        expect(parseArn(arn)).toMatchObject({
          partition,
          account,
          service: 'iam',
          resourceType: type,
          path: path.length === 0 ? '/' : `/${path.join('/')}/`,
          name,
        })
        expect(principalDisplayName(arn)).toBe(name)
      }),
      propertyRuns,
    )
  })

  it('canonicalize a session ARN to the role ARN, which is then stable', () => {
    fc.assert(
      fc.property(validPrincipalArn, fc.stringMatching(/^[\w+=,.@-]{2,32}$/), ({ partition, account, name }, s) => {
        const session = `arn:${partition}:sts::${account}:assumed-role/${name}/${s}`
        const role = canonicalizeAssumedRole(session)
        expect(role).toBe(`arn:${partition}:iam::${account}:role/${name}`)
        expect(canonicalizeAssumedRole(role)).toBe(role)
      }),
      propertyRuns,
    )
  })
})

describe('principalArnSchema', () => {
  it('answers near-valid ARNs, hostile text and non-strings with issues, never a throw', () => {
    expectSafeParseNeverThrows(principalArnSchema, fc.oneof(anyArnText, fc.jsonValue({ maxDepth: 2 })))
    fc.assert(
      fc.property(anyArnText, (text) => {
        const problem = findPrincipalArnProblem(text)
        expect(problem === undefined || problem.length > 0).toBe(true)
      }),
      propertyRuns,
    )
  })

  it('accepts every valid role or user ARN, unchanged', () => {
    fc.assert(
      fc.property(validPrincipalArn, ({ arn }) => {
        expect(principalArnSchema.parse(arn)).toBe(arn)
      }),
      propertyRuns,
    )
  })
})
