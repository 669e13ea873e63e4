// Test support (not imported by the console): the behaviour every SessionStore must show, run by
// sqlite-audit-store.test.ts and postgres-audit-store.test.ts against a real database.
import { describe, expect, it } from 'vitest'

import type { AuditStore } from '@/lib/audit/server/audit-store'

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000)

/**
 * Registers the session store contract. `open` gives a store over an EMPTY database; `reopen` another connection to
 * the SAME database (a second replica, or the console after a restart).
 */
export function describeSessionStoreContract(
  name: string,
  open: () => Promise<{ store: AuditStore; reopen: () => Promise<AuditStore> }>,
): void {
  describe(`${name}: session store contract`, () => {
    it('remembers a revoked session, for every connection to the same database', async () => {
      const { store, reopen } = await open()
      expect(await store.sessions.isSessionRevoked('s-1')).toBe(false)
      await store.sessions.revokeSession('s-1', inHours(12))
      expect(await store.sessions.isSessionRevoked('s-1')).toBe(true)
      expect(await store.sessions.isSessionRevoked('s-2')).toBe(false)
      expect(await (await reopen()).sessions.isSessionRevoked('s-1')).toBe(true)
    })

    it('accepts a second sign-out of the same session', async () => {
      const { store } = await open()
      await store.sessions.revokeSession('s-1', inHours(1))
      await store.sessions.revokeSession('s-1', inHours(2))
      expect(await store.sessions.isSessionRevoked('s-1')).toBe(true)
    })

    it('prunes revocations whose sessions have ended, when it records the next one', async () => {
      const { store } = await open()
      await store.sessions.revokeSession('ended', inHours(-1))
      expect(await store.sessions.isSessionRevoked('ended')).toBe(true)
      await store.sessions.revokeSession('current', inHours(1))
      expect(await store.sessions.isSessionRevoked('ended')).toBe(false)
      expect(await store.sessions.isSessionRevoked('current')).toBe(true)
    })

    it('counts sign-in failures per subject within a window, newest first, and prunes day-old ones', async () => {
      const { store, reopen } = await open()
      const now = Date.now()
      const minutesAgo = (m: number) => new Date(now - m * 60_000)
      await store.sessions.recordSignInFailure(['user:alice', 'address:10.0.0.1'], minutesAgo(30))
      for (const m of [3, 2, 1])
        await store.sessions.recordSignInFailure(['user:alice', 'address:10.0.0.1'], minutesAgo(m))
      await store.sessions.recordSignInFailure(['user:bob', 'address:10.0.0.1'], minutesAgo(1))
      const since = minutesAgo(15)
      expect(await store.sessions.recentSignInFailures('user:alice', since, 10)).toEqual([1, 2, 3].map(minutesAgo))
      expect(await store.sessions.recentSignInFailures('user:alice', since, 2)).toEqual([1, 2].map(minutesAgo))
      expect(await (await reopen()).sessions.recentSignInFailures('address:10.0.0.1', since, 10)).toHaveLength(4)
      expect(await store.sessions.recentSignInFailures('user:carol', since, 10)).toEqual([])
      await store.sessions.recordSignInFailure(['user:carol'], new Date(now + 25 * 3600_000))
      expect(await store.sessions.recentSignInFailures('user:alice', minutesAgo(60), 10)).toEqual([])
    })
  })
}
