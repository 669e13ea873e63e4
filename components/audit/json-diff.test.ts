import { describe, expect, it } from 'vitest'

import { diffJson, toStableJson } from './json-diff'

const kinds = (lines: ReturnType<typeof diffJson>) => lines.map((l) => `${l.kind[0]}${l.text.trim()}`)

describe('diffJson', () => {
  it.each([
    {
      name: 'a changed field',
      before: { username: 'dev', groups: ['a'] },
      after: { username: 'ops', groups: ['a'] },
      expected: ['s{', 's"groups": [', 's"a"', 's],', 'r"username": "dev"', 'a"username": "ops"', 's}'],
    },
    { name: 'created (before null)', before: null, after: { a: 1 }, expected: ['a{', 'a"a": 1', 'a}'] },
    { name: 'deleted (after null)', before: { a: 1 }, after: null, expected: ['r{', 'r"a": 1', 'r}'] },
    { name: 'before not recorded', before: undefined, after: { a: 1 }, expected: ['s{', 's"a": 1', 's}'] },
    { name: 'after not recorded', before: { a: 1 }, after: undefined, expected: ['s{', 's"a": 1', 's}'] },
    { name: 'nothing recorded', before: undefined, after: undefined, expected: [] },
    {
      name: 'reordered keys only',
      before: { a: 1, b: 2 },
      after: { b: 2, a: 1 },
      expected: ['s{', 's"a": 1,', 's"b": 2', 's}'],
    },
  ])('$name', ({ before, after, expected }) => {
    expect(kinds(diffJson(before, after))).toEqual(expected)
  })

  it('falls back to removed-then-added for very long values', () => {
    const big = Array.from({ length: 500 }, (_, i) => i)
    const lines = diffJson(big, [...big, 1])
    expect(lines.filter((l) => l.kind === 'removed')).toHaveLength(502)
    expect(lines.filter((l) => l.kind === 'added')).toHaveLength(503)
  })

  it('sorts nested keys', () => {
    expect(toStableJson({ z: { b: 1, a: 2 } })).toBe('{\n  "z": {\n    "a": 2,\n    "b": 1\n  }\n}')
  })
})
