import { describe, expect, it } from 'vitest'

import { matchesLabelSelector } from './label-selector'
import type { LabelSelector } from './rbac-model'

describe('matchesLabelSelector', () => {
  const labels = { tier: 'web', 'aggregate-to-view': 'true' }
  const cases: [string, LabelSelector, boolean][] = [
    ['empty selector matches everything', {}, true],
    ['matchLabels hit', { matchLabels: { 'aggregate-to-view': 'true' } }, true],
    ['matchLabels value differs', { matchLabels: { 'aggregate-to-view': 'false' } }, false],
    ['In', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] }, true],
    ['In, absent key', { matchExpressions: [{ key: 'nope', operator: 'In', values: ['x'] }] }, false],
    ['NotIn', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] }, false],
    ['NotIn, absent key matches', { matchExpressions: [{ key: 'nope', operator: 'NotIn', values: ['x'] }] }, true],
    ['Exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, false],
    [
      'every requirement must hold',
      { matchLabels: { tier: 'web' }, matchExpressions: [{ key: 'x', operator: 'Exists' }] },
      false,
    ],
    ['unknown operator', { matchExpressions: [{ key: 'tier', operator: 'Gt', values: ['1'] }] }, false],
  ]
  it.each(cases)('%s', (_name, selector, expected) => {
    expect(matchesLabelSelector(selector, labels)).toBe(expected)
  })
})
