import { describe, expect, it } from 'vitest'

import { matchesNamespacePattern } from './authorize-rules'
import { reviewSubjectRules } from './rules-review'
import { rbac, user } from './testing/authorize-fixtures'

describe('matchesNamespacePattern', () => {
  it.each([
    ['dev-*', 'dev-1', true],
    ['dev-*', 'dev-', true],
    ['dev-*', 'prod', false],
    ['*-web', 'shop-web', true],
    ['team.a', 'teamxa', false],
    ['team-a', 'team-a', true],
  ])('namespace pattern %s vs %s → %s', (p, ns, expected) => {
    expect(matchesNamespacePattern(p, ns)).toBe(expected)
  })
})

describe('reviewSubjectRules', () => {
  it('lists RBAC rules, marks incomplete when access policies exist', () => {
    const plain = reviewSubjectRules(user('x', 'team-a-devs'), 'team-a', rbac, false)
    expect(plain.incomplete).toBe(false)
    expect(plain.resourceRules.some((r) => r.resources?.includes('configmaps'))).toBe(true)
    expect(plain.nonResourceRules.some((r) => r.nonResourceURLs?.includes('/version'))).toBe(true)
    const other = reviewSubjectRules(user('x', 'team-a-devs'), 'team-b', rbac, true)
    expect(other.incomplete).toBe(true)
    expect(other.resourceRules.some((r) => r.resources?.includes('configmaps'))).toBe(false)
  })
})
