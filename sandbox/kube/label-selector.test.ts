import { describe, expect, it } from 'vitest'

import { KubeError } from './kube-error'
import { matchesLabelSelector, parseLabelSelector } from './label-selector'

const labels = { app: 'web', tier: 'frontend', 'topology.kubernetes.io/zone': 'us-west-2a' }

describe('label selectors', () => {
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app=api', false],
    ['app!=api', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app in (web, api)', true],
    ['app in (api,db)', false],
    ['app notin (api,db)', true],
    ['app notin (web)', false],
    ['missing notin (web)', true],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['!tier', false],
    ['app=web,tier=frontend', true],
    ['app=web,tier=backend', false],
    ['topology.kubernetes.io/zone in (us-west-2a,us-west-2b),app', true],
    ['', true],
  ])('%s → %s', (selector, expected) => {
    expect(matchesLabelSelector(parseLabelSelector(selector), labels)).toBe(expected)
  })

  it.each(['app=web=x', 'a b', 'app in (x y)', '=x'])('rejects %s with 400', (selector) => {
    expect(() => parseLabelSelector(selector)).toThrow(KubeError)
    try {
      parseLabelSelector(selector)
    } catch (e) {
      expect((e as KubeError).code).toBe(400)
    }
  })
})
