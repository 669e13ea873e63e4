import { describe, expect, it } from 'vitest'

import { EksError } from './errors'
import { decodeNextToken, encodeNextToken, paginate, parseMaxResults } from './pagination'

const q = (s: string): URLSearchParams => new URLSearchParams(s)
const shapeOf = (fn: () => unknown): string | undefined => {
  try {
    fn()
  } catch (e) {
    return e instanceof EksError ? e.shape : 'other'
  }
  return undefined
}

describe('parseMaxResults', () => {
  it.each([
    ['', 100],
    ['maxResults=1', 1],
    ['maxResults=100', 100],
    ['maxResults=37', 37],
  ])('%s → %i', (query, expected) => {
    expect(parseMaxResults(q(query))).toBe(expected)
  })

  it.each(['maxResults=0', 'maxResults=101', 'maxResults=-1', 'maxResults=abc', 'maxResults=1.5', 'maxResults='])(
    '%s is an InvalidParameterException',
    (query) => {
      expect(shapeOf(() => parseMaxResults(q(query)))).toBe('InvalidParameterException')
    },
  )
})

describe('next tokens', () => {
  it('round-trips the last key for the same operation', () => {
    expect(decodeNextToken('ListAddons', encodeNextToken('ListAddons', 'vpc-cni'))).toBe('vpc-cni')
  })

  it.each([
    ['garbage', 'not a token'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['another operation', encodeNextToken('ListClusters', 'x')],
    ['wrong version', Buffer.from(JSON.stringify({ v: 2, op: 'ListAddons', after: 'x' })).toString('base64url')],
  ])('rejects %s', (_case, token) => {
    expect(shapeOf(() => decodeNextToken('ListAddons', token))).toBe('InvalidParameterException')
  })
})

describe('paginate', () => {
  const items = ['a', 'b', 'c', 'd', 'e']
  const id = (s: string): string => s

  it('walks every item exactly once in pages of maxResults', () => {
    const seen: string[][] = []
    let token: string | undefined
    do {
      const page = paginate('Op', items, id, q(`maxResults=2${token ? `&nextToken=${token}` : ''}`))
      seen.push(page.items)
      token = page.nextToken
    } while (token)
    expect(seen).toEqual([['a', 'b'], ['c', 'd'], ['e']])
  })

  it('omits nextToken on the last page', () => {
    expect(paginate('Op', items, id, q('maxResults=5')).nextToken).toBeUndefined()
  })

  it('resumes after the last key even if it was deleted meanwhile', () => {
    const first = paginate('Op', items, id, q('maxResults=2'))
    const next = paginate('Op', ['a', 'c', 'd', 'e'], id, q(`maxResults=2&nextToken=${first.nextToken}`))
    expect(next.items).toEqual(['c', 'd'])
  })
})
