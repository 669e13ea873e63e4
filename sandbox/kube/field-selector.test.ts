import { describe, expect, it } from 'vitest'

import { findPinnedName, matchesFieldSelector, parseFieldSelector } from './field-selector'
import type { KubeObject } from './types'

const pod: KubeObject = {
  metadata: { name: 'web-1', namespace: 'orders' },
  spec: { nodeName: 'ip-10-0-1-5.us-west-2.compute.internal' },
  status: { phase: 'Running' },
}

describe('field selectors', () => {
  it.each([
    ['metadata.name=web-1', true],
    ['metadata.name==web-1', true],
    ['metadata.name!=web-1', false],
    ['metadata.namespace=orders,status.phase=Running', true],
    ['status.phase!=Running', false],
    ['status.phase!=Pending', true],
    ['spec.nodeName=ip-10-0-1-5.us-west-2.compute.internal', true],
    ['spec.nodeName=', false],
  ])('%s → %s', (selector, expected) => {
    expect(matchesFieldSelector(parseFieldSelector(selector, 'pods'), pod)).toBe(expected)
  })

  it('rejects fields the kind does not register', () => {
    expect(() => parseFieldSelector('spec.nodeName=x', 'configmaps')).toThrow(
      'field label not supported: spec.nodeName',
    )
  })

  it('finds a pinned name', () => {
    expect(findPinnedName(parseFieldSelector('status.phase=Running,metadata.name=a', 'pods'))).toBe('a')
    expect(findPinnedName(parseFieldSelector('metadata.name!=a', 'pods'))).toBeUndefined()
  })
})
