import { describe, expect, it } from 'vitest'

import { formatUtcDateTime } from './utc-date-time'

describe('formatUtcDateTime', () => {
  it('formats in UTC whatever the zone of the machine, to the minute or the second', () => {
    expect(formatUtcDateTime('2026-12-03T23:42:07.900Z', 'minutes')).toBe('3 Dec 2026, 23:42')
    expect(formatUtcDateTime('2026-12-03T23:42:07.900+00:00', 'seconds')).toBe('3 Dec 2026, 23:42:07')
    // An instant late on the 3rd in New York is the 4th in UTC.
    expect(formatUtcDateTime('2026-12-03T22:30:00-05:00', 'minutes')).toBe('4 Dec 2026, 03:30')
  })
})
