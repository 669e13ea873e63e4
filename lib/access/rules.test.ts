import { describe, expect, it } from 'vitest'

import type { PolicyRule } from './policy-rule'
import { namespaceMatchesScope, ruleAllows, rulesAllow, rulesAllowInScope, type RequestAttributes } from './rules'

const pods: RequestAttributes = { verb: 'get', apiGroup: '', resource: 'pods', namespace: 'team-a', name: 'web-1' }

describe('ruleAllows', () => {
  const cases: [string, PolicyRule, RequestAttributes, boolean][] = [
    ['exact match', { apiGroups: [''], resources: ['pods'], verbs: ['get'] }, pods, true],
    ['verb mismatch', { apiGroups: [''], resources: ['pods'], verbs: ['list'] }, pods, false],
    ['verb *', { apiGroups: [''], resources: ['pods'], verbs: ['*'] }, pods, true],
    ['group mismatch', { apiGroups: ['apps'], resources: ['pods'], verbs: ['get'] }, pods, false],
    ['group *', { apiGroups: ['*'], resources: ['pods'], verbs: ['get'] }, pods, true],
    ['missing apiGroups', { resources: ['pods'], verbs: ['get'] }, pods, false],
    ['resource *', { apiGroups: [''], resources: ['*'], verbs: ['get'] }, pods, true],
    [
      'pods does not cover pods/log',
      { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
      { ...pods, subresource: 'log' },
      false,
    ],
    ['pods/log', { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }, { ...pods, subresource: 'log' }, true],
    ['pods/log does not cover pods', { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }, pods, false],
    [
      '*/scale',
      { apiGroups: ['*'], resources: ['*/scale'], verbs: ['update'] },
      { verb: 'update', apiGroup: 'apps', resource: 'deployments', subresource: 'scale', name: 'w', namespace: 'a' },
      true,
    ],
    [
      '* covers subresources',
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { ...pods, subresource: 'exec', verb: 'create' },
      true,
    ],
    [
      'resourceNames hit',
      { apiGroups: [''], resources: ['pods'], verbs: ['get'], resourceNames: ['web-1'] },
      pods,
      true,
    ],
    [
      'resourceNames miss',
      { apiGroups: [''], resources: ['pods'], verbs: ['get'], resourceNames: ['web-2'] },
      pods,
      false,
    ],
    [
      'resourceNames never list',
      { apiGroups: [''], resources: ['pods'], verbs: ['list'], resourceNames: ['web-1'] },
      { ...pods, verb: 'list', name: undefined },
      false,
    ],
    [
      'resourceNames never create without name',
      { apiGroups: [''], resources: ['pods'], verbs: ['create'], resourceNames: ['web-1'] },
      { ...pods, verb: 'create', name: '' },
      false,
    ],
    [
      'empty resourceNames = all',
      { apiGroups: [''], resources: ['pods'], verbs: ['list'], resourceNames: [] },
      { ...pods, verb: 'list', name: undefined },
      true,
    ],
    [
      'resource rule vs non-resource request',
      { apiGroups: ['*'], resources: ['*'], verbs: ['get'] },
      { verb: 'get', apiGroup: '', resource: '', nonResourceURL: '/healthz' },
      false,
    ],
    ['non-resource rule vs resource request', { nonResourceURLs: ['*'], verbs: ['*'] }, pods, false],
    [
      'nonResourceURL exact',
      { nonResourceURLs: ['/healthz'], verbs: ['get'] },
      { verb: 'get', apiGroup: '', resource: '', nonResourceURL: '/healthz' },
      true,
    ],
    [
      'nonResourceURL prefix',
      { nonResourceURLs: ['/healthz/*'], verbs: ['get'] },
      { verb: 'get', apiGroup: '', resource: '', nonResourceURL: '/healthz/etcd' },
      true,
    ],
    [
      'prefix excludes the bare path',
      { nonResourceURLs: ['/healthz/*'], verbs: ['get'] },
      { verb: 'get', apiGroup: '', resource: '', nonResourceURL: '/healthz' },
      false,
    ],
    [
      // strings.TrimRight(ruleURL, "*"): every trailing star goes, so `/healthz**` is the prefix `/healthz`.
      'several trailing stars are one prefix',
      { nonResourceURLs: ['/healthz**'], verbs: ['get'] },
      { verb: 'get', apiGroup: '', resource: '', nonResourceURL: '/healthzfoo' },
      true,
    ],
    [
      'nonResourceURL *',
      { nonResourceURLs: ['*'], verbs: ['get'] },
      { verb: 'get', apiGroup: '', resource: '', nonResourceURL: '/metrics' },
      true,
    ],
    [
      'nonResourceURL verb mismatch',
      { nonResourceURLs: ['*'], verbs: ['get'] },
      { verb: 'post', apiGroup: '', resource: '', nonResourceURL: '/metrics' },
      false,
    ],
  ]
  it.each(cases)('%s', (_name, rule, attrs, expected) => {
    expect(ruleAllows(rule, attrs)).toBe(expected)
  })
})

describe('rulesAllow', () => {
  it.each([
    [[], false],
    [[{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }], false],
    [
      [
        { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
      ],
      true,
    ],
  ] as [PolicyRule[], boolean][])('union of %j → %s', (rules, expected) => {
    expect(rulesAllow(rules, pods)).toBe(expected)
  })
})

describe('namespaceMatchesScope', () => {
  it.each([
    ['team-a', { type: 'cluster' as const }, true],
    [undefined, { type: 'cluster' as const }, true],
    ['team-a', { type: 'namespace' as const, namespaces: ['team-a'] }, true],
    ['team-b', { type: 'namespace' as const, namespaces: ['team-a'] }, false],
    ['dev-web', { type: 'namespace' as const, namespaces: ['dev-*'] }, true],
    ['dev-', { type: 'namespace' as const, namespaces: ['dev-*'] }, true],
    ['prod-dev-web', { type: 'namespace' as const, namespaces: ['dev-*'] }, false],
    ['devx', { type: 'namespace' as const, namespaces: ['dev-*'] }, false],
    ['shop-eu', { type: 'namespace' as const, namespaces: ['a', 'shop-*'] }, true],
    ['team.a', { type: 'namespace' as const, namespaces: ['team-a'] }, false],
    [undefined, { type: 'namespace' as const, namespaces: ['*'] }, false],
    ['', { type: 'namespace' as const, namespaces: ['team-a'] }, false],
    ['team-a', { type: 'namespace' as const, namespaces: [] }, false],
  ])('%s in %j → %s', (namespace, scope, expected) => {
    expect(namespaceMatchesScope(namespace, scope)).toBe(expected)
  })
})

describe('rulesAllowInScope', () => {
  const view: PolicyRule[] = [
    { apiGroups: [''], resources: ['pods', 'namespaces'], verbs: ['get', 'list'] },
    { nonResourceURLs: ['*'], verbs: ['get'] },
  ]
  const ns = { type: 'namespace' as const, namespaces: ['team-a'] }
  it.each([
    ['pod in scope', ns, pods, true],
    ['pod out of scope', ns, { ...pods, namespace: 'team-b' }, false],
    ['get own namespace object', ns, { verb: 'get', apiGroup: '', resource: 'namespaces', name: 'team-a' }, true],
    ['get other namespace object', ns, { verb: 'get', apiGroup: '', resource: 'namespaces', name: 'team-b' }, false],
    ['list all namespaces', ns, { verb: 'list', apiGroup: '', resource: 'namespaces' }, false],
    ['list pods across namespaces', ns, { verb: 'list', apiGroup: '', resource: 'pods' }, false],
    [
      'non-resource at namespace scope',
      ns,
      { verb: 'get', apiGroup: '', resource: '', nonResourceURL: '/metrics' },
      false,
    ],
    [
      'non-resource at cluster scope',
      { type: 'cluster' as const },
      { verb: 'get', apiGroup: '', resource: '', nonResourceURL: '/metrics' },
      true,
    ],
    [
      'list all pods at cluster scope',
      { type: 'cluster' as const },
      { verb: 'list', apiGroup: '', resource: 'pods' },
      true,
    ],
    ['rules still apply in scope', ns, { ...pods, verb: 'delete' }, false],
  ] as const)('%s', (_name, scope, attrs, expected) => {
    expect(rulesAllowInScope(view, scope, attrs)).toBe(expected)
  })
})
