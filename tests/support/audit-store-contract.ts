// Test support (not imported by the console): the behaviour every AuditStore implementation must show, run by
// sqlite-audit-store.test.ts and postgres-audit-store.test.ts against a real database.
import { beforeEach, describe, expect, it } from 'vitest'

import type { AuditStore } from '@/lib/audit/server/audit-store'
import type { AuditEvent } from '@/lib/audit/server/record-audit-event'

const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 12, minute, 0))

const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  actor: { name: 'Sandbox editor', role: 'editor' },
  action: 'access-entry.grant',
  cluster: { region: 'us-west-2', name: 'prod-web' },
  target: 'arn:aws:iam::111122223333:role/TeamADeveloper',
  result: 'succeeded',
  ...overrides,
})

/**
 * Registers the store contract. `open` gives a store over an EMPTY log (called before each test); the suite closes
 * nothing, the caller owns the lifecycle.
 */
export function describeAuditStoreContract(name: string, open: () => Promise<AuditStore>): void {
  describe(`${name}: audit store contract`, () => {
    let store: AuditStore
    beforeEach(async () => {
      store = await open()
    })

    it('appends and reads back every field, with before/after JSON intact', async () => {
      const before = { username: 'dev', groups: ['a', 'b'], nested: { n: 1, ok: true, nothing: null }, text: 'é "q"' }
      const written = await store.append(event({ before, after: null, message: 'Done', result: 'partial' }), at(1))
      const { events, nextCursor } = await store.query({ limit: 10 })
      expect(nextCursor).toBeNull()
      expect(events).toEqual([written])
      expect(events[0]).toMatchObject({ before, after: null, message: 'Done', result: 'partial' })
      expect(events[0]?.occurredAt.toISOString()).toBe('2026-11-28T12:01:00.000Z')
    })

    it('keeps "not recorded" (absent) apart from "did not exist" (null), and events without a cluster', async () => {
      await store.append(event({ cluster: undefined, target: 'console', before: undefined, after: undefined }), at(1))
      const [read] = (await store.query({ limit: 1 })).events
      expect(read).not.toHaveProperty('before')
      expect(read).not.toHaveProperty('after')
      expect(read).not.toHaveProperty('cluster')
      expect(read).not.toHaveProperty('message')
    })

    it('pages newest first with a cursor, ties on the same millisecond broken by id', async () => {
      for (const minute of [3, 1, 2]) await store.append(event({ target: `t${minute}` }), at(minute))
      await store.append(event({ target: 't2-later-id' }), at(2))
      const first = await store.query({ limit: 2 })
      expect(first.events.map((e) => e.target)).toEqual(['t3', 't2-later-id'])
      expect(first.nextCursor).not.toBeNull()
      const second = await store.query({ limit: 2, cursor: first.nextCursor ?? undefined })
      expect(second.events.map((e) => e.target)).toEqual(['t2', 't1'])
      expect(second.nextCursor).toBeNull()
    })

    it('filters by cluster, actor (case-insensitive substring), action, result and time range', async () => {
      await store.append(event({ target: 'a' }), at(1))
      await store.append(event({ target: 'b', cluster: { region: 'eu-west-1', name: 'prod-web' } }), at(2))
      await store.append(event({ target: 'c', actor: { name: 'Sandbox admin', role: 'admin' } }), at(3))
      await store.append(event({ target: 'd', action: 'access-entry.delete', result: 'failed' }), at(4))
      await store.append(event({ target: 'e', actor: { name: '100%_real', role: 'admin' } }), at(5))
      const targets = async (q: Omit<Parameters<AuditStore['query']>[0], 'limit'>) =>
        (await store.query({ ...q, limit: 50 })).events.map((e) => e.target)
      expect(await targets({ cluster: { region: 'eu-west-1', name: 'prod-web' } })).toEqual(['b'])
      expect(await targets({ cluster: { region: 'us-west-2', name: 'prod-web' } })).toEqual(['e', 'd', 'c', 'a'])
      expect(await targets({ actor: 'ADMIN' })).toEqual(['c'])
      expect(await targets({ actor: '%_' })).toEqual(['e'])
      expect(await targets({ actor: '_' })).toEqual(['e'])
      expect(await targets({ action: 'access-entry.delete' })).toEqual(['d'])
      expect(await targets({ result: 'failed' })).toEqual(['d'])
      expect(await targets({ since: at(2), until: at(4) })).toEqual(['d', 'c', 'b'])
      expect(await targets({ actor: 'editor', result: 'succeeded', since: at(2) })).toEqual(['b'])
    })

    it('lists the clusters and actions present', async () => {
      await store.append(event(), at(1))
      await store.append(event({ action: 'access-policy.associate', cluster: { region: 'eu-west-1', name: 'shop' } }))
      await store.append(event({ cluster: undefined, action: 'settings.update' }))
      expect(await store.facets()).toEqual({
        clusters: [
          { region: 'eu-west-1', name: 'shop' },
          { region: 'us-west-2', name: 'prod-web' },
        ],
        actions: ['access-entry.grant', 'access-policy.associate', 'settings.update'],
      })
    })

    it('records a change the console refused with its own result, and filters by it', async () => {
      await store.append(event({ target: 'x', result: 'failed' }), at(1))
      await store.append(event({ target: 'y', result: 'refused', message: 'This entry is managed by EKS' }), at(2))
      const refused = await store.query({ result: 'refused', limit: 10 })
      expect(refused.events.map((e) => [e.target, e.result])).toEqual([['y', 'refused']])
    })

    it('keeps the not-recorded counter: adds up, latest time and reference win', async () => {
      expect(await store.readRecordingFailures()).toBeNull()
      await store.addRecordingFailures({ count: 2, lastAt: at(1).toISOString(), reference: 'aaaa1111' })
      await store.addRecordingFailures({ count: 1, lastAt: at(5).toISOString(), reference: 'bbbb2222' })
      expect(await store.readRecordingFailures()).toEqual({
        count: 3,
        lastAt: at(5).toISOString(),
        reference: 'bbbb2222',
      })
    })

    it('stores an oversized before/after as a truncated preview instead of the whole value', async () => {
      await store.append(event({ after: { blob: 'x'.repeat(100_000) } }), at(1))
      const [read] = (await store.query({ limit: 1 })).events
      expect(read?.after).toMatchObject({ truncated: true, characters: expect.any(Number) })
    })
  })
}
