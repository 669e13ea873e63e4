import { describe, expect, it } from 'vitest'

import { listRuleFilterOptions } from './rule-filter-options'

const byRule = [{ ruleId: 'risky-list-secrets' as const, title: 'Lists Secrets', count: 3 }]

describe('listRuleFilterOptions', () => {
  it.each([
    ['no rule selected', '', [['risky-list-secrets', 'Lists Secrets (3)']]],
    ['a rule with findings', 'risky-list-secrets', [['risky-list-secrets', 'Lists Secrets (3)']]],
    [
      // Before: the option was missing, so the select showed "All rules" over an empty, still filtered list.
      'a rule whose findings were all fixed',
      'subjects-with-non-existing-roles',
      [
        ['risky-list-secrets', 'Lists Secrets (3)'],
        ['subjects-with-non-existing-roles', 'Binding to a role that does not exist (0)'],
      ],
    ],
    [
      'an unknown rule from a hand-edited URL',
      'no-such-rule',
      [
        ['risky-list-secrets', 'Lists Secrets (3)'],
        ['no-such-rule', 'no-such-rule (0)'],
      ],
    ],
  ])('%s', (_name, selected, expected) => {
    expect(listRuleFilterOptions(byRule, selected).map((o) => [o.id, o.label])).toEqual(expected)
  })
})
