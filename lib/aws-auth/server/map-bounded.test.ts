import { describe, expect, it, vi } from 'vitest'

import { mapBounded } from './map-bounded'

vi.mock('server-only', () => ({}))

describe('mapBounded', () => {
  it.each([1, 3, 10])('keeps at most %i calls in flight and the input order', async (limit) => {
    let inFlight = 0
    let most = 0
    const items = Array.from({ length: 25 }, (_, i) => i)
    const out = await mapBounded(items, limit, async (i) => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5))
      inFlight--
      return i * 2
    })
    expect(out).toEqual(items.map((i) => i * 2))
    expect(most).toBe(Math.min(limit, items.length))
  })

  it('answers an empty list without calling', async () => {
    expect(await mapBounded([], 4, () => Promise.reject(new Error('called')))).toEqual([])
  })
})
