// Every free-text field of every form and route refuses control characters, with the one message of text-fields.ts.
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'

import { deleteAccessEntrySchema } from '@/lib/access/access-entry-bodies'
import { principalSearchQuerySchema } from '@/lib/access/access-entry-params'
import { createAccessEntrySchema, updateAccessEntrySchema } from '@/lib/access/access-entry-schema'
import { associateAccessPolicySchema, MAX_SCOPE_NAMESPACES } from '@/lib/access/access-policy-association-schema'
import { auditQuerySchema } from '@/lib/audit/audit-dto'
import { kubeconfigOptionsSchema } from '@/lib/kubeconfig/kubeconfig-options'
import { podFiltersSchema } from '@/lib/resources/resource-filters'
import {
  addOidcClientIdSchema,
  applyTrustFixSchema,
  createPodIdentitySchema,
  createWorkloadRoleSchema,
  irsaAnnotationsSchema,
  serviceAccountChoicesQuerySchema,
} from '@/lib/workload-identity/workload-identity-schemas'

import { findControlCharacter, multiLineText, singleLineText } from './text-fields'

const ROLE = 'arn:aws:iam::111122223333:role/TeamADeveloper'
const workloadRole = {
  region: 'us-west-2',
  cluster: 'prod-web',
  roleName: 'billing',
  description: 'Billing pods',
  mechanism: 'pod-identity',
  namespace: 'billing',
  serviceAccount: 'billing-api',
}

// [schema, a valid input, the field to spoil, the path of the issue]
const fields: [string, z.ZodType, Record<string, unknown>, string, (string | number)[]?][] = [
  ['access entry username', createAccessEntrySchema, { principalArn: ROLE, username: 'team-a' }, 'username'],
  ['access entry principal ARN', createAccessEntrySchema, { principalArn: ROLE }, 'principalArn'],
  [
    'access entry tag value',
    createAccessEntrySchema,
    { principalArn: ROLE, tags: { team: 'a' } },
    'tags',
    ['tags', 'team'],
  ],
  ['update username', updateAccessEntrySchema, { username: 'team-a' }, 'username'],
  ['update group', updateAccessEntrySchema, { kubernetesGroups: ['dev'] }, 'kubernetesGroups', ['kubernetesGroups', 0]],
  [
    'scope namespace',
    associateAccessPolicySchema,
    {
      policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
      accessScope: { type: 'namespace', namespaces: ['dev'] },
    },
    'accessScope',
    ['accessScope', 'namespaces', 0],
  ],
  ['delete confirmation', deleteAccessEntrySchema, { confirmClusterName: 'prod-web' }, 'confirmClusterName'],
  ['principal search', principalSearchQuerySchema, { q: 'team' }, 'q'],
  ['OIDC client ID', addOidcClientIdSchema, { audience: 'sts.amazonaws.com' }, 'audience'],
  ['IAM role description', createWorkloadRoleSchema, workloadRole, 'description'],
  ['IAM role cluster', createWorkloadRoleSchema, workloadRole, 'cluster'],
  ['IRSA audience', irsaAnnotationsSchema, { audience: 'sts.amazonaws.com', resourceVersion: '12' }, 'audience'],
  ['IRSA resourceVersion', irsaAnnotationsSchema, { resourceVersion: '12' }, 'resourceVersion'],
  [
    'Pod Identity namespace',
    createPodIdentitySchema,
    { namespace: 'billing', serviceAccount: 'api', roleArn: ROLE },
    'namespace',
  ],
  ['kubeconfig alias', kubeconfigOptionsSchema, { roleArn: '', profile: '', alias: 'prod', userAlias: '' }, 'alias'],
  ['audit actor filter', auditQuerySchema, { actor: 'alice' }, 'actor'],
  ['pod name filter', podFiltersSchema, { q: 'api' }, 'q'],
]

/** Puts a control character into the middle of the field's (first) string. */
function spoil(input: Record<string, unknown>, field: string, char: string): Record<string, unknown> {
  const value = input[field]
  const bad = (text: string) => `${text.slice(0, 2)}${char}${text.slice(2)}`
  if (typeof value === 'string') return { ...input, [field]: bad(value) }
  if (Array.isArray(value)) return { ...input, [field]: [bad(String(value[0]))] }
  if (field === 'tags') return { ...input, tags: { team: bad('aa') } }
  const scope = value as { type: string; namespaces: string[] }
  return { ...input, [field]: { ...scope, namespaces: [bad(scope.namespaces[0] ?? '')] } }
}

describe('control characters in every free-text field', () => {
  it.each(fields)('%s: the valid input parses', (_name, schema, input) => {
    expect(schema.safeParse(input).success).toBe(true)
  })

  it.each(
    fields.flatMap(([name, schema, input, field, path]) =>
      ['\u0000', '\u001b', '\u007f', '\u0085', '\n'].map((char) => [name, char, schema, input, field, path] as const),
    ),
  )('%s: %j is refused on its field', (_name, char, schema, input, field, path) => {
    const result = schema.safeParse(spoil(input, field, char))
    expect(result.success).toBe(false)
    const issues = result.error?.issues ?? []
    expect(issues.map((issue) => issue.path)).toContainEqual(path ?? [field])
  })

  it('names the character and its position', () => {
    const result = addOidcClientIdSchema.safeParse({ audience: 'sts\u0000.amazonaws.com' })
    expect(result.error?.issues[0]?.message).toBe(
      'Contains a control character or line break (U+0000 at position 4); remove it.',
    )
  })
})

describe('findControlCharacter', () => {
  it.each([
    { value: 'plain text, with ünïcödé ✓', multiLine: false, problem: undefined },
    {
      value: 'tab\there',
      multiLine: false,
      problem: 'Contains a control character or line break (U+0009 at position 4); remove it.',
    },
    {
      value: 'c1\u009fchar',
      multiLine: false,
      problem: 'Contains a control character or line break (U+009F at position 3); remove it.',
    },
    { value: '{\n\t"a": 1\r\n}', multiLine: true, problem: undefined },
    {
      value: '{"a": "\u0000"}',
      multiLine: true,
      problem: 'Contains a control character (U+0000 at position 8); remove it.',
    },
  ])('$value (multi-line $multiLine) → $problem', ({ value, multiLine, problem }) => {
    expect(findControlCharacter(value, { multiLine })).toBe(problem)
    const schema = multiLine ? multiLineText() : singleLineText()
    expect(schema.safeParse(value).success).toBe(problem === undefined)
  })

  it('refuses a NUL in the session policy and the expected trust policy (JSON may span lines)', () => {
    const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'
    const base = { namespace: 'billing', serviceAccount: 'api', roleArn: ROLE, disableSessionTags: true }
    expect(createPodIdentitySchema.safeParse({ ...base, policy: policy.replace('{', '{\n  ') }).success).toBe(true)
    expect(createPodIdentitySchema.safeParse({ ...base, policy: policy.replace('s3:*', 's3:*\u0000') }).success).toBe(
      false,
    )
    const fix = { namespace: 'billing', serviceAccount: 'api', mechanism: 'irsa' }
    expect(applyTrustFixSchema.safeParse({ ...fix, expectedPolicy: '{\n}' }).success).toBe(true)
    expect(applyTrustFixSchema.safeParse({ ...fix, expectedPolicy: '{\u0000}' }).success).toBe(false)
  })
})

describe('list limits and query parameters', () => {
  const scope = (count: number) => ({
    policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
    accessScope: { type: 'namespace', namespaces: Array.from({ length: count }, (_, i) => `ns-${i}`) },
  })

  it(`accepts ${MAX_SCOPE_NAMESPACES} namespaces in one scope and refuses more`, () => {
    expect(associateAccessPolicySchema.safeParse(scope(MAX_SCOPE_NAMESPACES)).success).toBe(true)
    const result = associateAccessPolicySchema.safeParse(scope(10_000))
    expect(result.error?.issues.map((i) => i.message)).toContain(
      `A scope can list at most ${MAX_SCOPE_NAMESPACES} namespaces.`,
    )
  })

  it.each([
    { query: {}, namespace: undefined, ok: true },
    { query: { namespace: '' }, namespace: undefined, ok: true },
    { query: { namespace: 'kube-system' }, namespace: 'kube-system', ok: true },
    { query: { namespace: '..' }, ok: false },
    { query: { namespace: 'Billing' }, ok: false },
    { query: { namespace: 'a/b' }, ok: false },
    { query: { namespace: 'x'.repeat(64) }, ok: false },
    { query: { namespace: 'dev\u0000' }, ok: false },
  ])('GET …/service-accounts?namespace= $query.namespace → ok $ok', ({ query, namespace, ok }) => {
    const result = serviceAccountChoicesQuerySchema.safeParse(query)
    expect(result.success).toBe(ok)
    if (ok) expect(result.data?.namespace).toBe(namespace)
    else expect(result.error?.issues[0]?.path).toEqual(['namespace'])
  })
})
