import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { expiryComment, expiryInstant, formatUtcInstant, isCompleteInstant, withExpiryComment } from './expiry-note'
import { grantDurationSchema } from './grant-duration'

/** What the schema (the routes' rule) says of a custom end. */
const schemaAccepts = (endsAt: string) => grantDurationSchema.safeParse({ kind: 'until', endsAt }).success

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

describe('a complete instant (the zod-free check the forms use) agrees with the schema', () => {
  it.each([
    '2026-12-03T06:00:40+00:00',
    '2026-12-03T06:00:40.123Z',
    '2026-12-03T06:00Z',
    '2026-12-03T06:00:00',
    '2026-12-03',
    '2026-12-',
    '',
    '2026-02-29T10:00:00Z',
    '2028-02-29T10:00:00Z',
    '2000-02-29T10:00:00Z',
    '2100-02-29T10:00:00Z',
    '0000-02-29T10:00:00Z',
    '2026-04-31T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-12-03T24:00:00Z',
    '2026-12-03T10:00:60Z',
    '2026-12-03T10:00:00+24:00',
    '2026-12-03T10:00:00+0200',
    '2026-12-03t10:00:00z',
    ' 2026-12-03T10:00:00Z',
  ])('%j', (endsAt) => {
    expect(isCompleteInstant(endsAt)).toBe(schemaAccepts(endsAt))
  })

  it('on generated near-instants', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
    const instant = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        two(13),
        two(32),
        two(24),
        two(60),
        two(60),
        fc.constantFrom('', '.5', '.123456'),
        fc.constantFrom('Z', '+02:00', '-11:30', '+24:00', '+05:60', '', '+0200'),
      )
      .map(([y, mo, d, h, mi, s, frac, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${zone}`)
    fc.assert(fc.property(instant, (endsAt) => isCompleteInstant(endsAt) === schemaAccepts(endsAt)))
  })
})
