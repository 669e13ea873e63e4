import { describe, expect, it } from 'vitest'

import { auditSearch, toAuditApiFilters } from './audit-queries'

const now = Date.parse('2026-11-28T12:00:00.000Z')

describe('toAuditApiFilters', () => {
  it('turns a period into `since`, counted back from now', () => {
    expect(toAuditApiFilters({ period: '1h' }, now)).toEqual({ since: '2026-11-28T11:00:00.000Z' })
    expect(toAuditApiFilters({ period: '24h', result: 'failed' }, now)).toEqual({
      result: 'failed',
      since: '2026-11-27T12:00:00.000Z',
    })
    expect(toAuditApiFilters({ period: '30d' }, now)).toEqual({ since: '2026-10-29T12:00:00.000Z' })
  })

  it('turns two dates into whole UTC days, either end optional, and ignores a malformed date', () => {
    expect(toAuditApiFilters({ period: 'dates', from: '2026-11-01', to: '2026-11-03' }, now)).toEqual({
      since: '2026-11-01T00:00:00.000Z',
      until: '2026-11-03T23:59:59.999Z',
    })
    expect(toAuditApiFilters({ period: 'dates', to: '2026-11-03' }, now)).toEqual({
      until: '2026-11-03T23:59:59.999Z',
    })
    expect(toAuditApiFilters({ period: 'dates', from: 'yesterday' }, now)).toEqual({})
    // Dates without the "dates" period are leftovers, not a range.
    expect(toAuditApiFilters({ period: '', from: '2026-11-01' }, now)).toEqual({})
  })

  it('builds the query string with the cursor, leaving empty filters out', () => {
    expect(auditSearch({ actor: 'editor', action: '', period: '' }, 'abc')).toBe('?actor=editor&cursor=abc')
    expect(auditSearch({})).toBe('')
  })
})
