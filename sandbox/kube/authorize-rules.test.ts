import { describe, expect, it } from 'vitest'

import { ruleAllows } from './authorize-rules'
import type { PolicyRule, RequestAttributes } from './types'

const path = (p: string): RequestAttributes => ({ kind: 'nonResource', verb: 'get', path: p })

describe('ruleAllows for non-resource URLs (NonResourceURLMatches)', () => {
  it.each<[string, string[], string, boolean]>([
    ['exact', ['/healthz'], '/healthz', true],
    ['a trailing * is a prefix', ['/healthz/*'], '/healthz/etcd', true],
    ['the prefix keeps its slash', ['/healthz/*'], '/healthz', false],
    // strings.TrimRight(ruleURL, "*") drops every trailing star.
    ['several trailing stars are one prefix', ['/healthz**'], '/healthzfoo', true],
    ['* is every path', ['*'], '/metrics', true],
  ])('%s', (_name, urls, requested, expected) => {
    const rule: PolicyRule = { nonResourceURLs: urls, verbs: ['get'] }
    expect(ruleAllows(rule, path(requested))).toBe(expected)
  })
})
