import { describe, expect, it } from 'vitest'

import { AwsError } from '../core/aws-error'
import { paginate, parseMaxItems } from './pagination'

const items = ['delta', 'alpha', 'echo', 'charlie', 'bravo']
const key = (s: string): string => s

describe('paginate', () => {
  it('walks all items in key order with markers, without repeats or gaps', () => {
    const seen: string[] = []
    let marker: string | undefined
    let pages = 0
    do {
      const page = paginate(items, key, marker, 2)
      seen.push(...page.items)
      marker = page.marker
      pages++
      expect(page.isTruncated).toBe(marker !== undefined)
    } while (marker)
    expect(seen).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo'])
    expect(pages).toBe(3)
  })

  it('is not truncated when everything fits', () => {
    expect(paginate(items, key, undefined, 5)).toEqual({
      items: [...items].sort(),
      isTruncated: false,
      marker: undefined,
    })
  })

  it('rejects a marker it did not issue', () => {
    expect(() => paginate(items, key, 'not-a-marker', 2)).toThrow(AwsError)
  })
})

describe('parseMaxItems', () => {
  it.each([
    [undefined, 100],
    ['1', 1],
    ['1000', 1000],
  ])('%s → %s', (raw, expected) => {
    expect(parseMaxItems(raw)).toBe(expected)
  })

  it.each(['0', '1001', 'ten', '2.5'])('rejects %s with ValidationError', (raw) => {
    expect(() => parseMaxItems(raw)).toThrow(expect.objectContaining({ code: 'ValidationError', status: 400 }))
  })
})
