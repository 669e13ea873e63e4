// Properties of trust-policy reading, analysis and fixing: no document throws (plain, URL-encoded, broken, deeply
// nested); a policy formats and parses back to itself; a fix keeps every statement it was given, and once fixed, a
// policy that denies nothing passes the check it was fixed for.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { hostileText, propertyRuns } from '@/tests/support/reliability-arbitraries'

import {
  analyseIrsaTrust,
  analysePodIdentityTrust,
  POD_IDENTITY_PRINCIPAL,
  podIdentityContext,
  type IrsaRequest,
} from './trust-analysis'
import { evaluateConditions } from './trust-conditions'
import { diffLines, fixIrsaTrust, fixPodIdentityTrust } from './trust-fix'
import { formatTrustPolicy, parseTrustPolicy, type PolicyStatement, type TrustPolicy } from './trust-policy'

const issuer = 'oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE'
const request: IrsaRequest = {
  providerArn: `arn:aws:iam::111122223333:oidc-provider/${issuer}`,
  issuer,
  namespace: 'team-a',
  serviceAccount: 'app',
  audience: 'sts.amazonaws.com',
}
const context = podIdentityContext({
  clusterArn: 'arn:aws:eks:us-west-2:111122223333:cluster/prod-web',
  clusterName: 'prod-web',
  namespace: 'team-a',
  serviceAccount: 'app',
  account: '111122223333',
})

// IAM holds trust policies of a few KB, so statements are shallow here; the deeply nested case is a document below.
const anyJson = fc.jsonValue({ maxDepth: 3 })
const deepDocument = `{"Statement":${'['.repeat(10_000)}{}${']'.repeat(10_000)}}`
const word = fc.constantFrom(
  'sts:AssumeRole',
  'sts:TagSession',
  'sts:*',
  '*',
  'sts:AssumeRoleWithWebIdentity',
  's3:Get?',
)
const conditionValue = fc.oneof(hostileText, fc.array(hostileText, { maxLength: 3 }), fc.integer(), fc.boolean())
/** Statements built from IAM's vocabulary, right and wrong, plus arbitrary JSON objects. */
const statement: fc.Arbitrary<PolicyStatement> = fc.oneof(
  fc.record(
    {
      Sid: hostileText,
      Effect: fc.constantFrom('Allow', 'Deny', 'allow', '', 'Maybe'),
      Principal: fc.oneof(
        fc.constant('*'),
        fc.record({ Service: fc.oneof(fc.constant(POD_IDENTITY_PRINCIPAL), hostileText, fc.array(hostileText)) }),
        fc.record({ Federated: fc.oneof(fc.constant(request.providerArn), hostileText) }),
        anyJson,
      ),
      NotPrincipal: anyJson,
      Action: fc.oneof(word, fc.array(word, { maxLength: 3 }), anyJson),
      NotAction: fc.oneof(word, fc.array(word, { maxLength: 3 })),
      Condition: fc.oneof(
        fc.dictionary(
          fc.constantFrom(
            'StringEquals',
            'StringLike',
            'ForAnyValue:StringEquals',
            'Null',
            'Bool',
            'Weird',
            'StringEqualsIfExists',
          ),
          fc.dictionary(
            fc.oneof(
              fc.constantFrom(`${issuer}:sub`, `${issuer}:aud`, 'aws:RequestTag/kubernetes-namespace'),
              hostileText,
            ),
            conditionValue,
            { maxKeys: 3 },
          ),
          { maxKeys: 3 },
        ),
        anyJson,
      ),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(hostileText, anyJson, { maxKeys: 4 }),
)
const policy: fc.Arbitrary<TrustPolicy> = fc.record({
  Version: fc.constantFrom('2012-10-17', '2008-10-17'),
  Statement: fc.array(statement, { maxLength: 5 }),
})
const document = fc.oneof(
  policy.map((p) => JSON.stringify(p)),
  policy.map((p) => encodeURIComponent(JSON.stringify(p))),
  anyJson.map((v) => JSON.stringify({ Statement: v })),
  fc.constantFrom(deepDocument, encodeURIComponent(deepDocument), deepDocument.slice(0, 5_000)),
  hostileText,
)

describe('trust policies', () => {
  it('reading any document gives a policy or a reason, never a throw', () => {
    fc.assert(
      fc.property(document, (text) => {
        const read = parseTrustPolicy(text)
        if (read.ok) expect(Array.isArray(read.policy.Statement)).toBe(true)
        else expect(read.error.length).toBeGreaterThan(0)
      }),
      propertyRuns,
    )
  })

  it('a policy formats and parses back to itself, URL-encoded as IAM returns it or not', () => {
    fc.assert(
      fc.property(policy, (p) => {
        expect(parseTrustPolicy(formatTrustPolicy(p))).toEqual({ ok: true, policy: p })
        expect(parseTrustPolicy(encodeURIComponent(formatTrustPolicy(p)))).toEqual({ ok: true, policy: p })
      }),
      propertyRuns,
    )
  })

  it('analysis and conditions answer every policy without throwing', () => {
    fc.assert(
      fc.property(policy, (p) => {
        expect(['pass', 'warn', 'fail']).toContain(analysePodIdentityTrust(p, context).status)
        expect(['pass', 'warn', 'fail']).toContain(analyseIrsaTrust(p, request).status)
        for (const s of p.Statement) expect(evaluateConditions(s, context)).toBeDefined()
      }),
      propertyRuns,
    )
  })

  it('a fix keeps every statement it was given and, with nothing denied, makes the check pass', () => {
    fc.assert(
      fc.property(policy, (p) => {
        const denies = p.Statement.some((s) => s.Effect === 'Deny')
        const pods = fixPodIdentityTrust(p)
        const irsa = fixIrsaTrust(p, request)
        expect(pods.Statement.length).toBeGreaterThanOrEqual(p.Statement.length)
        expect(irsa.Statement.slice(0, p.Statement.length)).toEqual(p.Statement)
        expect(diffLines(formatTrustPolicy(p), formatTrustPolicy(pods)).length).toBeGreaterThan(0)
        if (!denies) {
          expect(analysePodIdentityTrust(pods, context).status).toBe('pass')
          expect(analyseIrsaTrust(irsa, request).status).toBe('pass')
        }
      }),
      propertyRuns,
    )
  })
})
