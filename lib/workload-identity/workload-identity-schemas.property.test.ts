// Properties of the workload-identity bodies and the session policy: any JSON gets an answer, never a throw (deeply
// nested policies included); a policy compacts to what AWS is sent, and compacting is stable.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  anyJson,
  expectSafeParseNeverThrows,
  hostileText,
  nearValidArn,
  nearValidBody,
  nestedJson,
  propertyRuns,
  validPrincipalArn,
} from '@/tests/support/reliability-arbitraries'

import { compactSessionPolicy, prettySessionPolicy, readSessionPolicy, sessionPolicySchema } from './session-policy'
import {
  addOidcClientIdSchema,
  applyTrustFixSchema,
  associationIdSchema,
  createPodIdentitySchema,
  createServiceAccountSchema,
  createWorkloadRoleSchema,
  irsaAnnotationsSchema,
  serviceAccountParamsSchema,
  trustFixQuerySchema,
  updatePodIdentitySchema,
} from './workload-identity-schemas'

const roleArn = fc.oneof(
  validPrincipalArn.filter((p) => p.type === 'role').map((p) => p.arn),
  nearValidArn,
  fc.constant(''),
)
const kubeName = fc.oneof(fc.stringMatching(/^[a-z0-9]([-a-z0-9.]{0,20}[a-z0-9])?$/), hostileText)
const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }
const policyText = fc.oneof(
  fc.constant(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2)),
  anyJson.map((v) => {
    try {
      return JSON.stringify({ Statement: v })
    } catch {
      return '{"Statement": ['
    }
  }),
  fc.constant(`{"Statement":${JSON.stringify(nestedJson(3_000, 'array'))}}`),
  fc.constant(`{"Statement":${'['.repeat(10_000)}{}${']'.repeat(10_000)}}`),
  hostileText,
)

describe('session policy', () => {
  it('reading any text gives the compact policy or a problem, never a throw', () => {
    fc.assert(
      fc.property(policyText, (text) => {
        const read = readSessionPolicy(text)
        if ('policy' in read) expect(read.policy.length).toBeLessThanOrEqual(2048)
        else expect(read.problem.length).toBeGreaterThan(0)
        expect(typeof compactSessionPolicy(text)).toBe('string')
        expect(typeof prettySessionPolicy(text)).toBe('string')
      }),
      propertyRuns,
    )
    expectSafeParseNeverThrows(sessionPolicySchema, fc.oneof(policyText, anyJson))
  })

  it('an accepted policy compacts to itself, and pretty-printing it round-trips', () => {
    fc.assert(
      fc.property(policyText, (text) => {
        const read = readSessionPolicy(text)
        if (!('policy' in read)) return
        expect(compactSessionPolicy(read.policy)).toBe(read.policy)
        expect(readSessionPolicy(prettySessionPolicy(read.policy))).toEqual(read)
      }),
      propertyRuns,
    )
  })
})

describe('workload-identity bodies', () => {
  const bools = fc.oneof(fc.boolean(), anyJson)
  it.each([
    [
      'create association',
      createPodIdentitySchema,
      nearValidBody({
        namespace: kubeName,
        serviceAccount: kubeName,
        roleArn,
        targetRoleArn: roleArn,
        disableSessionTags: bools,
        policy: policyText,
        createServiceAccount: bools,
      }),
    ],
    [
      'update association',
      updatePodIdentitySchema,
      nearValidBody({ roleArn, targetRoleArn: roleArn, disableSessionTags: bools, policy: policyText }),
    ],
    [
      'IRSA annotations',
      irsaAnnotationsSchema,
      nearValidBody({
        roleArn,
        audience: hostileText,
        stsRegionalEndpoints: fc.constantFrom('', 'true', 'false', 'yes'),
        tokenExpiration: fc.oneof(fc.nat().map(String), hostileText),
        resourceVersion: hostileText,
      }),
    ],
    ['service account', createServiceAccountSchema, nearValidBody({ namespace: kubeName, name: kubeName })],
    ['service account params', serviceAccountParamsSchema, nearValidBody({ namespace: kubeName, name: kubeName })],
    [
      'trust fix query',
      trustFixQuerySchema,
      nearValidBody({
        namespace: kubeName,
        serviceAccount: kubeName,
        mechanism: fc.constantFrom('irsa', 'pod-identity', 'x'),
      }),
    ],
    [
      'trust fix',
      applyTrustFixSchema,
      nearValidBody({
        namespace: kubeName,
        serviceAccount: kubeName,
        mechanism: fc.constantFrom('irsa', 'pod-identity'),
        expectedPolicy: policyText,
      }),
    ],
    ['OIDC client ID', addOidcClientIdSchema, nearValidBody({ audience: hostileText })],
    [
      'workload role',
      createWorkloadRoleSchema,
      nearValidBody({
        region: fc.constantFrom('us-west-2', 'mars-1', ''),
        cluster: hostileText,
        roleName: fc.oneof(fc.stringMatching(/^[\w+=,.@-]{1,64}$/), hostileText),
        description: hostileText,
        mechanism: fc.constantFrom('irsa', 'pod-identity'),
        namespace: kubeName,
        serviceAccount: kubeName,
      }),
    ],
    ['association id', associationIdSchema, fc.oneof(fc.stringMatching(/^a-[a-z0-9]{1,64}$/), hostileText)],
  ] as const)('%s: every input gets an answer', (_name, schema, body) => {
    expectSafeParseNeverThrows(schema, fc.oneof(body, anyJson))
  })
})
