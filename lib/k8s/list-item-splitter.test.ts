import { describe, expect, it } from 'vitest'

import { ListItemSplitter } from './list-item-splitter'

/**
 * Feeds `body` as UTF-8 in pieces of the given byte sizes (cycled, so multi-byte characters get cut too) and
 * returns the items and envelope the splitter gave.
 */
function split(body: string, sizes: number[] = [Buffer.byteLength(body)]) {
  const bytes = Buffer.from(body)
  const items: unknown[] = []
  const splitter = new ListItemSplitter((item) => items.push(item))
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length] ?? 1)
    splitter.push(bytes.subarray(at, at + size))
    at += size
  }
  return { items, envelope: splitter.end() }
}

// Items with everything that could fool a boundary scan: braces and brackets inside strings, escaped quotes,
// runs of backslashes before a quote, nested objects and arrays, unicode, numbers and literals.
const trickyItems = [
  { metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'web' } }, spec: { containers: [{ name: 'c' }] } },
  { metadata: { name: 'b}', annotations: { note: 'a "quoted" {brace} [bracket] ]}' } } },
  { metadata: { name: 'c\\', annotations: { path: 'C:\\\\dir\\\\', q: '\\"', qq: '\\\\"' } } },
  { metadata: { name: 'd', annotations: { emoji: '🚀 ünïcødé', empty: '' } }, status: { n: -1.5e3, t: true, f: null } },
  { nested: [[{ x: [] }], {}, [[[]]]], s: '"items":[' },
]

describe('ListItemSplitter', () => {
  const list = { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '42', continue: 'abc' } }
  const body = JSON.stringify({ ...list, items: trickyItems })

  it('gives every item and the envelope of a body fed at once', () => {
    const { items, envelope } = split(body)
    expect(items).toEqual(trickyItems)
    expect(envelope).toEqual({ ...list, items: [] })
  })

  it('gives the same result however the body is cut into pieces', () => {
    for (const sizes of [[1], [2], [3], [7], [13, 1, 5], [64], [1, 200]]) {
      const { items, envelope } = split(body, sizes)
      expect(items, `pieces of ${sizes.join(',')}`).toEqual(trickyItems)
      expect(envelope.metadata).toEqual(list.metadata)
    }
  })

  it('hands over each item as soon as its closing brace arrives', () => {
    const seen: unknown[] = []
    const splitter = new ListItemSplitter((item) => seen.push(item))
    const bytes = Buffer.from(body)
    const firstEnd = bytes.indexOf('"items":[') + '"items":['.length + Buffer.byteLength(JSON.stringify(trickyItems[0]))
    splitter.push(bytes.subarray(0, firstEnd - 1))
    expect(seen).toHaveLength(0)
    splitter.push(bytes.subarray(firstEnd - 1, firstEnd))
    expect(seen).toEqual([trickyItems[0]])
  })

  it('reads metadata placed after the items, whitespace, and an empty list', () => {
    const reordered = `{ "items" : [ ${JSON.stringify(trickyItems[0])} ,\n ${JSON.stringify(trickyItems[1])} ] , "metadata": {"continue": "x"} }`
    expect(split(reordered, [5])).toEqual({
      items: trickyItems.slice(0, 2),
      envelope: { items: [], metadata: { continue: 'x' } },
    })
    expect(split('{"kind":"PodList","metadata":{},"items":[]}', [1])).toEqual({
      items: [],
      envelope: { kind: 'PodList', metadata: {}, items: [] },
    })
    expect(split('{"kind":"PodList","items":null}').items).toEqual([])
  })

  it('leaves arrays that are not the top-level items alone', () => {
    const body2 = JSON.stringify({ metadata: { items: [{ no: 1 }], finalizers: ['x'] }, items: [{ yes: 1 }] })
    expect(split(body2, [3])).toEqual({
      items: [{ yes: 1 }],
      envelope: { metadata: { items: [{ no: 1 }], finalizers: ['x'] }, items: [] },
    })
  })

  it('refuses a body that ends early, is not an object, or has items that are not objects', () => {
    expect(() => split(body.slice(0, -3))).toThrow(SyntaxError)
    expect(() => split(body.slice(0, body.indexOf('"quoted') + 3))).toThrow(SyntaxError)
    expect(() => split('[1,2]')).toThrow(SyntaxError)
    expect(() => split('{"items":[1]}')).toThrow(SyntaxError)
    for (const broken of ['{"items":[{"a":1}{"b":2}]}', '{"items":[{"a":1},]}', '{"items":[,{"a":1}]}']) {
      expect(() => split(broken), broken).toThrow(SyntaxError)
    }
  })
})
