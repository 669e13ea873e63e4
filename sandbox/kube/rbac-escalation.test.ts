import { describe, expect, it } from 'vitest'

import { compactRules, findUncoveredRules, formatCompactRule } from './rbac-escalation'
import type { PolicyRule } from './types'

const rule = (r: Partial<PolicyRule> & { verbs: string[] }): PolicyRule => r

describe('findUncoveredRules', () => {
  it.each<[string, PolicyRule[], PolicyRule, number]>([
    [
      'wildcards cover everything',
      [rule({ apiGroups: ['*'], resources: ['*'], verbs: ['*'] })],
      rule({ apiGroups: [''], resources: ['pods', 'secrets'], verbs: ['get', 'delete'] }),
      0,
    ],
    [
      'a missing verb is reported once per resource',
      [rule({ apiGroups: [''], resources: ['pods'], verbs: ['get'] })],
      rule({ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }),
      1,
    ],
    [
      '*/subresource covers x/subresource',
      [rule({ apiGroups: [''], resources: ['*/log'], verbs: ['get'] })],
      rule({ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }),
      0,
    ],
    [
      'a full resource does not cover its subresources',
      [rule({ apiGroups: [''], resources: ['pods'], verbs: ['get'] })],
      rule({ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }),
      1,
    ],
    [
      'owner names restrict: unnamed request not covered',
      [rule({ apiGroups: [''], resources: ['pods'], verbs: ['get'], resourceNames: ['a'] })],
      rule({ apiGroups: [''], resources: ['pods'], verbs: ['get'] }),
      1,
    ],
    [
      'owner without names covers named request',
      [rule({ apiGroups: [''], resources: ['pods'], verbs: ['get'] })],
      rule({ apiGroups: [''], resources: ['pods'], verbs: ['get'], resourceNames: ['a', 'b'] }),
      0,
    ],
    [
      'URL prefix covers',
      [rule({ nonResourceURLs: ['/healthz*'], verbs: ['get'] })],
      rule({ nonResourceURLs: ['/healthz/ready'], verbs: ['get'] }),
      0,
    ],
    [
      'resource rules do not cover URLs',
      [rule({ apiGroups: ['*'], resources: ['*'], verbs: ['*'] })],
      rule({ nonResourceURLs: ['/metrics'], verbs: ['get'] }),
      1,
    ],
    [
      'another group is not covered',
      [rule({ apiGroups: [''], resources: ['*'], verbs: ['*'] })],
      rule({ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] }),
      1,
    ],
  ])('%s', (_label, owner, requested, missing) => {
    expect(findUncoveredRules(owner, [requested])).toHaveLength(missing)
  })
})

describe('compactRules + formatCompactRule', () => {
  it('merges verbs per group/resource and prints Go %q lists', () => {
    const missing = findUncoveredRules(
      [],
      [
        rule({ apiGroups: [''], resources: ['secrets', 'pods'], verbs: ['get', 'list'], resourceNames: ['x'] }),
        rule({ nonResourceURLs: ['/metrics'], verbs: ['get'] }),
      ],
    )
    expect(compactRules(missing).map(formatCompactRule).sort()).toEqual([
      '{APIGroups:[""], Resources:["pods"], ResourceNames:["x"], Verbs:["get" "list"]}',
      '{APIGroups:[""], Resources:["secrets"], ResourceNames:["x"], Verbs:["get" "list"]}',
      '{NonResourceURLs:["/metrics"], Verbs:["get"]}',
    ])
  })
})
