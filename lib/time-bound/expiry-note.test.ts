import { describe, expect, it } from 'vitest'

import { expiryComment, expiryInstant, formatUtcInstant, withExpiryComment } from './expiry-note'

const now = new Date('2026-12-03T06:00:00Z')

describe('expiry notes', () => {
  it.each([
    ['permanent', { kind: 'permanent' as const }, null],
    ['omitted', undefined, null],
    [
      'a 4 hour preset',
      { kind: 'preset' as const, preset: '4h' as const },
      '# the console revokes this at 2026-12-03T10:00Z',
    ],
    ['a week', { kind: 'preset' as const, preset: '1w' as const }, '# the console revokes this at 2026-12-10T06:00Z'],
    [
      'an end with seconds',
      { kind: 'until' as const, endsAt: '2026-12-03T06:00:40+00:00' },
      '# the console revokes this at 2026-12-03T06:00:40Z',
    ],
    [
      'an end in another zone',
      { kind: 'until' as const, endsAt: '2026-12-03T12:30:00+02:00' },
      '# the console revokes this at 2026-12-03T10:30Z',
    ],
    ['a half-typed end', { kind: 'until' as const, endsAt: '2026-12-' }, null],
  ])('%s', (_, duration, comment) => {
    expect(expiryComment(duration, now)).toBe(comment)
  })

  it('puts the comment first and leaves permanent commands alone', () => {
    const code = 'aws eks associate-access-policy \\\n  --cluster-name prod-web'
    expect(withExpiryComment(code, { kind: 'preset', preset: '1h' }, now)).toBe(
      `# the console revokes this at 2026-12-03T07:00Z\n${code}`,
    )
    expect(withExpiryComment(code, { kind: 'permanent' }, now)).toBe(code)
  })

  it('keeps milliseconds out and minutes in', () => {
    expect(formatUtcInstant(new Date('2026-12-03T06:07:08.999Z'))).toBe('2026-12-03T06:07:08Z')
    expect(expiryInstant({ kind: 'preset', preset: '1d' }, now)?.toISOString()).toBe('2026-12-04T06:00:00.000Z')
  })
})
