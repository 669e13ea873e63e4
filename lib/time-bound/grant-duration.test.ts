import { describe, expect, it } from 'vitest'

import { describeSeconds, formatTimeLeft, grantDurationSchema, resolveExpiry } from './grant-duration'

const now = new Date('2026-12-03T10:00:00Z')
const bounds = { minSeconds: 300, maxSeconds: 86_400 }

describe('resolveExpiry', () => {
  it.each([
    ['permanent', { kind: 'permanent' }, { expiresAt: null }],
    ['1 hour preset', { kind: 'preset', preset: '1h' }, { expiresAt: new Date('2026-12-03T11:00:00Z') }],
    ['1 day preset (= maximum)', { kind: 'preset', preset: '1d' }, { expiresAt: new Date('2026-12-04T10:00:00Z') }],
    [
      'custom end',
      { kind: 'until', endsAt: '2026-12-03T10:30:00+00:00' },
      { expiresAt: new Date('2026-12-03T10:30:00Z') },
    ],
    ['1 week preset over the maximum', { kind: 'preset', preset: '1w' }, { problem: /at most 1 day/ }],
    ['end in the past', { kind: 'until', endsAt: '2026-12-03T09:00:00Z' }, { problem: /in the past/ }],
    ['shorter than the minimum', { kind: 'until', endsAt: '2026-12-03T10:01:00Z' }, { problem: /at least 5 minutes/ }],
  ])('%s', (_name, raw, expected) => {
    const duration = grantDurationSchema.parse(raw)
    const result = resolveExpiry(duration, bounds, now)
    if ('problem' in expected) expect(result).toEqual({ problem: expect.stringMatching(expected.problem) })
    else expect(result).toEqual(expected)
  })

  it('refuses a custom end that is not a date', () => {
    expect(grantDurationSchema.safeParse({ kind: 'until', endsAt: 'tomorrow' }).success).toBe(false)
    expect(grantDurationSchema.safeParse({ kind: 'preset', preset: '2h' }).success).toBe(false)
  })
})

describe('formatTimeLeft', () => {
  it.each([
    [30_000, '30 s left'],
    [5 * 60_000, '5 min left'],
    [(2 * 3600 + 5 * 60) * 1000, '2 h 5 min left'],
    [(86_400 + 3 * 3600) * 1000, '1 d 3 h left'],
    [0, 'expired, revoking'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatTimeLeft(new Date(now.getTime() + ms), now)).toBe(text)
  })
})

describe('describeSeconds', () => {
  it.each([
    [3600, '1 hour'],
    [604_800, '7 days'],
    [90, '90 seconds'],
    [300, '5 minutes'],
  ])('%d → %s', (seconds, text) => expect(describeSeconds(seconds)).toBe(text))
})
