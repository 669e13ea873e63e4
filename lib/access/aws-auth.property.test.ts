// Properties of the aws-auth ConfigMap parser and serializers: no YAML throws (hostile text, deep nesting, wrong
// shapes); what the console writes parses back to the same mappings and accounts; unchanged entries keep their text.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { hostileText, propertyRuns, validPrincipalArn } from '@/tests/support/reliability-arbitraries'

import { parseAwsAuth, serializeAwsAuthAccounts, serializeAwsAuthMappings, type AwsAuthMapping } from './aws-auth'

const yamlish = fc.oneof(
  hostileText,
  fc.constantFrom(
    '- rolearn: x\n  groups: [',
    '- {rolearn: arn:aws:iam::111122223333:role/a, groups: system:masters}',
    '- 012345678901\n- "111122223333"',
    `- rolearn: x\n  groups: ${'['.repeat(5_000)}${']'.repeat(5_000)}`,
    '&a [*a]',
    '- !!binary aGVsbG8=',
    'key: value',
  ),
  fc
    .array(
      fc.constantFrom(
        '- ',
        'rolearn: ',
        'userarn: ',
        'username: ',
        'groups:',
        '\n',
        '  ',
        '- x',
        ':',
        '[',
        ']',
        '{',
        '}',
        '"',
        '#',
      ),
      { maxLength: 30 },
    )
    .map((a) => a.join('')),
)
const name = fc.stringMatching(/^[a-z][a-z0-9:{}-]{0,20}$/)
const mapping = (kind: 'role' | 'user'): fc.Arbitrary<AwsAuthMapping> =>
  fc.record({
    kind: fc.constant(kind),
    arn: validPrincipalArn.map((p) => p.arn),
    username: fc.option(name, { nil: undefined }),
    groups: fc.array(name, { maxLength: 3 }),
    extra: fc.constant({}),
  })

describe('aws-auth', () => {
  it('parsing any data gives mappings and problems, never a throw', () => {
    fc.assert(
      fc.property(yamlish, yamlish, yamlish, (mapRoles, mapUsers, mapAccounts) => {
        const parsed = parseAwsAuth({ mapRoles, mapUsers, mapAccounts })
        for (const problem of parsed.problems) expect(problem.message.length).toBeGreaterThan(0)
      }),
      propertyRuns,
    )
  })

  it('written mappings and accounts parse back to themselves', () => {
    fc.assert(
      fc.property(
        fc.array(mapping('role'), { maxLength: 4 }),
        fc.array(fc.stringMatching(/^\d{12}$/), { maxLength: 3 }),
        (roles, accounts) => {
          const parsed = parseAwsAuth({
            mapRoles: serializeAwsAuthMappings(undefined, roles),
            mapAccounts: serializeAwsAuthAccounts(accounts),
          })
          expect(
            parsed.mapRoles.map(({ kind, arn, username, groups, extra }) => ({ kind, arn, username, groups, extra })),
          ).toEqual(roles)
          expect(parsed.mapAccounts).toEqual(accounts)
        },
      ),
      propertyRuns,
    )
  })

  it('an unchanged entry keeps its original text', () => {
    fc.assert(
      fc.property(fc.array(mapping('user'), { minLength: 1, maxLength: 4 }), (users) => {
        const original = serializeAwsAuthMappings(undefined, users)
        const reparsed = parseAwsAuth({ mapUsers: original }).mapUsers
        expect(serializeAwsAuthMappings(original, reparsed)).toBe(original)
      }),
      propertyRuns,
    )
  })
})
