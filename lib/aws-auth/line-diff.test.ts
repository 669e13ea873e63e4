import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { diffLines } from './line-diff'

describe('diffLines', () => {
  it.each([
    ['a\nb\nc\n', 'a\nb\nc\n', ['  a', '  b', '  c']],
    ['a\nc\n', 'a\nb\nc\n', ['  a', '+ b', '  c']],
    ['a\nb\nc\n', 'a\nc\n', ['  a', '- b', '  c']],
    ['a\nb\n', 'a\nx\n', ['  a', '- b', '+ x']],
    ['', 'a\n', ['+ a']],
  ])('%j → %j', (before, after, expected) => {
    const sign = { same: ' ', added: '+', removed: '-' } as const
    expect(diffLines(before, after).map((l) => `${sign[l.kind]} ${l.text}`)).toEqual(expected)
  })

  it('rebuilds both texts from the diff', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 }).map((l) => l.join('\n'))
    fc.assert(
      fc.property(text, text, (before, after) => {
        const lines = diffLines(before, after)
        expect(
          lines
            .filter((l) => l.kind !== 'added')
            .map((l) => l.text)
            .join('\n'),
        ).toBe(before.replace(/\n$/, ''))
        expect(
          lines
            .filter((l) => l.kind !== 'removed')
            .map((l) => l.text)
            .join('\n'),
        ).toBe(after.replace(/\n$/, ''))
      }),
    )
  })
})
