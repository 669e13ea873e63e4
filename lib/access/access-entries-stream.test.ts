import { describe, expect, it } from 'vitest'

import { createStreamingPageReader, pageOfLines, type AccessEntriesLine } from './access-entries-stream'
import type { AccessEntryDto } from './access-entry-dto'

const head: AccessEntriesLine = {
  kind: 'head',
  head: {
    cluster: { region: 'us-west-2', name: 'c', accountId: '1', authenticationMode: 'API', autoMode: false },
    available: true,
    consolePrincipalArn: null,
    loadedAt: '2026-12-03T00:00:00Z',
  },
}
const entry = (name: string) => ({ principalName: name, principalArn: `arn:aws:iam::1:role/${name}` }) as AccessEntryDto
const entries = (names: string[], listed: number): AccessEntriesLine => ({
  kind: 'entries',
  entries: names.map(entry),
  listed,
})
const toError = (code: string, message: string) => new Error(`${code}: ${message}`)

const apply = (lines: AccessEntriesLine[]) => pageOfLines(lines, toError)

describe('createStreamingPageReader', () => {
  it.each([
    { lines: [head], names: [], loading: { loaded: 0, listed: 0 } },
    { lines: [head, entries(['b', 'd'], 4)], names: ['b', 'd'], loading: { loaded: 2, listed: 4 } },
    // Runs arrive in list order; the page keeps its own (ARN) order, so sorting works on what has arrived.
    {
      lines: [head, entries(['d', 'b'], 4), entries(['c', 'a'], 200)],
      names: ['a', 'b', 'c', 'd'],
      loading: { loaded: 4, listed: 200 },
    },
  ])('keeps what arrived sorted, with how far it got ($names)', ({ lines, names, loading }) => {
    const page = apply(lines)
    expect(page?.entries.map((e) => e.principalName)).toEqual(names)
    expect(page?.loading).toEqual(loading)
  })

  it('merges only when the page is asked for, and hands out the same page until a line changes it', () => {
    const reader = createStreamingPageReader(toError)
    reader.read(head)
    reader.read(entries(['c'], 3))
    reader.read(entries(['a'], 3))
    const first = reader.page()
    expect(first?.entries.map((e) => e.principalName)).toEqual(['a', 'c'])
    expect(reader.page()).toBe(first)
    reader.read(entries(['b'], 3))
    expect(reader.page()?.entries.map((e) => e.principalName)).toEqual(['a', 'b', 'c'])
    expect(first?.entries.map((e) => e.principalName)).toEqual(['a', 'c'])
  })

  it('sorts by ARN, so roles come before users whatever their names', () => {
    const user = { principalName: 'alice', principalArn: 'arn:aws:iam::1:user/alice' } as AccessEntryDto
    const page = apply([head, { kind: 'entries', entries: [user, entry('zed')], listed: 2 }])
    expect(page?.entries.map((e) => e.principalArn)).toEqual(['arn:aws:iam::1:role/zed', 'arn:aws:iam::1:user/alice'])
  })

  it('replaces the partial page with the complete one, which has no loading mark', () => {
    const complete = { ...head.head, entries: [entry('a')], unreadable: [] }
    const page = apply([head, entries(['z'], 2), { kind: 'page', page: complete }])
    expect(page).toEqual(complete)
    expect(page?.loading).toBeUndefined()
  })

  it('throws the error line: a stream cut short is not a complete page', () => {
    expect(() =>
      apply([head, entries(['a'], 3), { kind: 'error', error: { code: 'throttled', message: 'slow down' } }]),
    ).toThrow('throttled: slow down')
  })

  it('refuses entries before the head', () => {
    expect(() => apply([entries(['a'], 1)])).toThrow(/before its head/)
  })
})
