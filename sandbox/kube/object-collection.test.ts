import { describe, expect, it } from 'vitest'

import { ObjectCollection } from './object-collection'
import type { KubeObject } from './types'

const obj = (namespace: string, name: string, labels: Record<string, string> = {}): KubeObject => ({
  metadata: { namespace, name, labels },
})
const build = () =>
  new ObjectCollection([
    obj('b', 'x'),
    obj('a', 'z', { keep: '1' }),
    obj('a', 'y'),
    obj('ab', 'w', { keep: '1' }),
    obj('c', 'v', { keep: '1' }),
  ])
const keys = (items: KubeObject[]) => items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)

describe('ObjectCollection', () => {
  it.each([
    ['everything in key order', {}, ['a/y', 'a/z', 'ab/w', 'b/x', 'c/v'], undefined],
    ['one namespace is a contiguous range', { namespace: 'a' }, ['a/y', 'a/z'], undefined],
    ['a prefix-sharing namespace is not included', { namespace: 'ab' }, ['ab/w'], undefined],
    ['limit returns the next key', { limit: 2 }, ['a/y', 'a/z'], 'ab/w'],
    ['start resumes inclusively', { start: { namespace: 'ab', name: 'w' }, limit: 2 }, ['ab/w', 'b/x'], 'c/v'],
    [
      'filter is applied before the limit',
      { filter: (o: KubeObject) => o.metadata.labels?.keep === '1', limit: 2 },
      ['a/z', 'ab/w'],
      'c/v',
    ],
    ['an absent namespace is empty', { namespace: 'zz' }, [], undefined],
  ] as const)('%s', (_name, req, expected, next) => {
    const page = build().page(req)
    expect(keys(page.items)).toEqual(expected)
    expect(page.next ? `${page.next.namespace}/${page.next.name}` : undefined).toBe(next)
  })

  it('counts remaining items (whole list and within a namespace) and scans only what it returns', () => {
    const c = build()
    expect(c.page({ limit: 2 })).toMatchObject({ remaining: 3, scanned: 3 })
    expect(c.page({ namespace: 'a', limit: 1 })).toMatchObject({ remaining: 1, scanned: 2 })
  })

  it('finds, replaces, inserts in order and removes', () => {
    const c = build()
    expect(c.find('a', 'z')?.metadata.labels).toEqual({ keep: '1' })
    c.put(obj('a', 'z', { replaced: 'yes' }))
    c.put(obj('aa', 'm'))
    expect(c.size).toBe(6)
    expect(c.find('a', 'z')?.metadata.labels).toEqual({ replaced: 'yes' })
    expect(keys([...c.iterate()])).toEqual(['a/y', 'a/z', 'aa/m', 'ab/w', 'b/x', 'c/v'])
    expect(c.remove('b', 'x')?.metadata.name).toBe('x')
    expect(c.remove('b', 'x')).toBeUndefined()
    expect(c.find('b', 'x')).toBeUndefined()
  })

  it('serves an index in key order and rebuilds it after a write', () => {
    const c = build()
    const byKeep = (o: KubeObject) => o.metadata.labels?.keep
    expect(keys(c.indexed('keep', byKeep, '1').page({}).items)).toEqual(['a/z', 'ab/w', 'c/v'])
    expect(c.indexed('keep', byKeep, '2').size).toBe(0)
    c.put(obj('aa', 'u', { keep: '1' }))
    c.remove('c', 'v')
    expect(keys(c.indexed('keep', byKeep, '1').page({}).items)).toEqual(['a/z', 'aa/u', 'ab/w'])
  })
})
