import type { Session } from 'next-auth'
import { vi } from 'vitest'

// Stands in for @/lib/auth/session in route tests: `vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))`.
// vi.mock is hoisted per test file, so each file keeps that one line; the mock itself lives here.

/** The mocked session source; set its resolved value per test. */
export const getConsoleSession = vi.fn<() => Promise<Session | null>>()
