// Properties of the access-entry bodies (create, update, policy association and scope) and the access-entry route
// params: any JSON gets an answer, never a throw; a valid body parses, and parsing what a parse produced changes nothing.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  anyJson,
  expectSafeParseNeverThrows,
  hostileText,
  nearValidArn,
  nearValidBody,
  propertyRuns,
  validPrincipalArn,
} from '@/tests/support/reliability-arbitraries'

import { associatePolicyRequestSchema, deleteAccessEntrySchema, disassociatePolicySchema } from './access-entry-bodies'
import { authenticationModeRequestSchema, entryParamsSchema, entryPolicyParamsSchema } from './access-entry-params'
import {
  accessScopeSchema,
  associateAccessPolicySchema,
  createAccessEntrySchema,
  kubernetesGroupsSchema,
  policyArnSchema,
  updateAccessEntrySchema,
  usernameSchema,
} from './access-entry-schema'

const namespace = fc.stringMatching(/^[a-z0-9]([-a-z0-9*]{0,20}[a-z0-9*])?$/)
const policyArn = fc.oneof(
  fc
    .constantFrom('AmazonEKSViewPolicy', 'AmazonEKSEditPolicy', 'AmazonEKSClusterAdminPolicy')
    .map((n) => `arn:aws:eks::aws:cluster-access-policy/${n}`),
  nearValidArn,
  hostileText,
)
const scope = fc.oneof(
  fc.record({ type: fc.constant('cluster') }),
  fc.record({
    type: fc.constant('namespace'),
    namespaces: fc.array(fc.oneof(namespace, hostileText), { maxLength: 5 }),
  }),
  fc.record({ type: fc.constant('namespace'), namespaces: fc.array(namespace, { minLength: 150, maxLength: 10_000 }) }),
  anyJson,
)
const group = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9:-]{0,20}$/), hostileText)
const association = nearValidBody({ policyArn, accessScope: scope })
const createBody = nearValidBody({
  principalArn: fc.oneof(
    validPrincipalArn.map((p) => p.arn),
    nearValidArn,
  ),
  type: fc.constantFrom('STANDARD', 'EC2', 'EC2_LINUX', 'FARGATE_LINUX', 'HYBRID_LINUX', 'standard', ''),
  username: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9:{}A-Z]{0,30}$/), hostileText),
  kubernetesGroups: fc.array(group, { maxLength: 8 }),
  accessPolicies: fc.array(association, { maxLength: 4 }),
  tags: fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
})

/** Parsing the output of a successful parse gives the same output (defaults and trims are applied once). */
function expectIdempotent(schema: { safeParse(input: unknown): { success: boolean; data?: unknown } }, input: unknown) {
  const first = schema.safeParse(input)
  if (!first.success) return
  const second = schema.safeParse(first.data)
  expect(second.success).toBe(true)
  expect(second.data).toEqual(first.data)
}

describe('access-entry schemas', () => {
  it.each([
    ['create', createAccessEntrySchema, fc.oneof(createBody, anyJson)],
    [
      'update',
      updateAccessEntrySchema,
      fc.oneof(nearValidBody({ username: hostileText, kubernetesGroups: fc.array(group) }), anyJson),
    ],
    ['associate', associateAccessPolicySchema, fc.oneof(association, anyJson)],
    ['associate request', associatePolicyRequestSchema, fc.oneof(association, anyJson)],
    ['scope', accessScopeSchema, scope],
    ['policy ARN', policyArnSchema, fc.oneof(policyArn, anyJson)],
    ['username', usernameSchema, fc.oneof(hostileText, anyJson)],
    ['groups', kubernetesGroupsSchema, fc.oneof(fc.array(group, { maxLength: 200 }), anyJson)],
    [
      'delete confirmation',
      deleteAccessEntrySchema,
      fc.oneof(nearValidBody({ confirmClusterName: hostileText }), anyJson),
    ],
    [
      'disassociate confirmation',
      disassociatePolicySchema,
      fc.oneof(nearValidBody({ confirmClusterName: hostileText }), anyJson),
    ],
    [
      'authentication mode',
      authenticationModeRequestSchema,
      fc.oneof(nearValidBody({ authenticationMode: hostileText }), anyJson),
    ],
  ] as const)('%s: every input gets an answer, and a parsed value parses to itself', (_name, schema, inputs) => {
    expectSafeParseNeverThrows(schema, inputs)
    fc.assert(
      fc.property(inputs, (input) => expectIdempotent(schema, input)),
      propertyRuns,
    )
  })

  it('accepts a valid grant of a role with namespace-scoped policies', () => {
    fc.assert(
      fc.property(
        validPrincipalArn,
        fc.uniqueArray(fc.stringMatching(/^[a-z]([-a-z0-9]{0,10}[a-z0-9])?$/), { minLength: 1, maxLength: 5 }),
        (p, namespaces) => {
          const parsed = createAccessEntrySchema.parse({
            principalArn: p.arn,
            accessPolicies: [
              {
                policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
                accessScope: { type: 'namespace', namespaces },
              },
            ],
          })
          expect(parsed.accessPolicies[0]?.accessScope).toEqual({ type: 'namespace', namespaces })
        },
      ),
      propertyRuns,
    )
  })
})

describe('access-entry route params', () => {
  const params = nearValidBody({
    region: fc.constantFrom('us-west-2', 'eu-west-1', 'US-WEST-2', ''),
    cluster: fc.oneof(fc.constantFrom('prod-web', 'ml-auto'), hostileText),
    principal: fc.oneof(nearValidArn, hostileText),
    policy: fc.oneof(policyArn, hostileText),
  })
  it.each([
    ['entry', entryParamsSchema],
    ['entry policy', entryPolicyParamsSchema],
  ] as const)('%s params: every input gets an answer', (_name, schema) => {
    expectSafeParseNeverThrows(schema, params)
  })
})
