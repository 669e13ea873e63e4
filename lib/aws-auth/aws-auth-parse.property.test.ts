// Properties of the aws-auth ConfigMap parser against hostile text: no YAML throws (deep nesting, wrong shapes,
// tags, anchors); every problem has a message. Round trips of what the console writes are in aws-auth-edit.test.ts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { hostileText, propertyRuns } from '@/tests/support/reliability-arbitraries'

import { applyAwsAuthChange, type AwsAuthChange } from './aws-auth-edit'
import { parseAwsAuth } from './aws-auth-parse'

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
describe('aws-auth parser', () => {
  it('parsing any data gives mappings and problems, never a throw', () => {
    fc.assert(
      fc.property(yamlish, yamlish, yamlish, (mapRoles, mapUsers, mapAccounts) => {
        const parsed = parseAwsAuth({ mapRoles, mapUsers, mapAccounts })
        for (const problem of parsed.problems) expect(problem.message.length).toBeGreaterThan(0)
      }),
      propertyRuns,
    )
  })

  it('an edit of any data is applied or refused, never a throw', () => {
    fc.assert(
      fc.property(yamlish, yamlish, (mapRoles, mapAccounts) => {
        const change: AwsAuthChange = {
          op: 'add',
          section: 'mapRoles',
          mapping: { arn: 'arn:aws:iam::111122223333:role/Dev', username: 'dev', groups: ['devs'] },
        }
        expect(() => applyAwsAuthChange({ mapRoles, mapAccounts }, change)).not.toThrow()
      }),
      propertyRuns,
    )
  })
})
