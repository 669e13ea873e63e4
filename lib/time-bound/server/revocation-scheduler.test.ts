import { describe, expect, it, vi } from 'vitest'

import { pollIntervalMs } from './revocation-scheduler'

vi.mock('server-only', () => ({}))

describe('pollIntervalMs', () => {
  it.each([
    { minGrantSeconds: 300, expected: 15_000 },
    { minGrantSeconds: 60, expected: 15_000 },
    { minGrantSeconds: 20, expected: 10_000 },
    { minGrantSeconds: 10, expected: 5_000 },
    { minGrantSeconds: 1, expected: 1_000 },
  ])('looks every $expected ms when grants last at least $minGrantSeconds s', ({ minGrantSeconds, expected }) => {
    expect(pollIntervalMs(minGrantSeconds)).toBe(expected)
  })
})
