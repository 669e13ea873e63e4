import { describe, expect, it } from 'vitest'

import { createPodIdentitySchema, updatePodIdentitySchema } from './workload-identity-schemas'

const ROLE = 'arn:aws:iam::111122223333:role/shared-reader'
const S3_READ = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::orders/*' }
const create = (policy: unknown, disableSessionTags = true) =>
  createPodIdentitySchema.safeParse({
    namespace: 'orders',
    serviceAccount: 'orders-api',
    roleArn: ROLE,
    disableSessionTags,
    policy,
  })
const policyIssues = (result: ReturnType<typeof create>) =>
  (result.error?.issues ?? []).filter((i) => i.path[0] === 'policy').map((i) => i.message)

describe('the session policy of a Pod Identity association', () => {
  it.each([
    ['a Statement list', { Version: '2012-10-17', Statement: [S3_READ] }],
    ['a single Statement object', { Statement: S3_READ }],
  ])('accepts %s and compacts it', (_name, policy) => {
    const result = create(JSON.stringify(policy, null, 2))
    expect(result.success).toBe(true)
    expect(result.data?.policy).toBe(JSON.stringify(policy))
  })

  it.each([
    ['text that is not JSON', '{"Statement": [', /is not valid JSON/],
    ['a JSON array', '[{"Effect": "Allow"}]', /must be a JSON object/],
    ['a policy without Statement', '{"Version": "2012-10-17"}', /needs a "Statement"/],
    ['an empty Statement list', '{"Statement": []}', /needs a "Statement"/],
    ['a Statement that is a string', '{"Statement": "Allow"}', /needs a "Statement"/],
    // Found by the property test: JSON.stringify overflowed the stack on it, and the route answered 500.
    [
      'a Statement nested 10,000 lists deep',
      `{"Statement":${'['.repeat(10_000)}{}${']'.repeat(10_000)}}`,
      /nested too deeply/,
    ],
  ])('refuses %s on the policy field', (_name, policy, message) => {
    const messages = policyIssues(create(policy))
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(message)
  })

  it('refuses a policy longer than 2,048 characters once compacted, and counts without the indentation', () => {
    const statement = (n: number) => ({ ...S3_READ, Resource: `arn:aws:s3:::${'b'.repeat(n)}/*` })
    const fits = JSON.stringify({ Statement: statement(1000) })
    const tooLong = { Statement: [statement(1000), statement(1000)] }
    expect(create(JSON.stringify(JSON.parse(fits), null, 8).padEnd(3000, ' ')).success).toBe(true)
    const messages = policyIssues(create(JSON.stringify(tooLong)))
    expect(messages).toEqual([
      `Compacted, the session policy is ${JSON.stringify(tooLong).length} characters; AWS accepts at most 2,048.`,
    ])
  })

  it('needs session tags turned off, and says so on the policy', () => {
    const result = create(JSON.stringify({ Statement: [S3_READ] }), false)
    expect(result.success).toBe(false)
    expect(policyIssues(result)).toEqual([
      'A session policy needs session tags turned off: tick "Disable session tags", or clear the policy.',
    ])
  })

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['blank', '  \n '],
  ])('is none when %s, with or without session tags', (_name, policy) => {
    for (const disableSessionTags of [true, false]) {
      const result = create(policy, disableSessionTags)
      expect(result.success).toBe(true)
      expect(result.data?.policy).toBe('')
    }
  })

  it('is blank on edit to remove one (session tags may then come back on)', () => {
    const result = updatePodIdentitySchema.safeParse({ roleArn: ROLE, policy: ' ', disableSessionTags: false })
    expect(result.data).toEqual({ roleArn: ROLE, targetRoleArn: '', disableSessionTags: false, policy: '' })
    const kept = updatePodIdentitySchema.safeParse({
      roleArn: ROLE,
      policy: '{"Statement":{}}',
      disableSessionTags: false,
    })
    expect(kept.error?.issues.map((i) => i.path)).toEqual([['policy']])
  })
})
