import 'server-only'

import { createHash, timingSafeEqual } from 'node:crypto'

import type { ConsoleRole } from '@/lib/auth/console-role'

/** The password of every seeded sandbox user (shown on the sign-in page in sandbox mode only). */
export const SANDBOX_PASSWORD = 'sandbox'

/** The seeded sandbox users: one per console role, named after it. */
export const sandboxUsers: ReadonlyArray<{ username: string; role: ConsoleRole; name: string }> = [
  { username: 'admin', role: 'admin', name: 'Sandbox Admin' },
  { username: 'editor', role: 'editor', name: 'Sandbox Editor' },
  { username: 'viewer', role: 'viewer', name: 'Sandbox Viewer' },
]

// Hashing first gives both sides the same length, which timingSafeEqual requires, without leaking the length.
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/** Checks a sandbox sign-in in constant time; returns the user, or null for any wrong username or password. */
export function verifySandboxUser(username: unknown, password: unknown) {
  if (typeof username !== 'string' || typeof password !== 'string') return null
  const user = sandboxUsers.find((candidate) => candidate.username === username.trim().toLowerCase())
  const passwordOk = timingSafeEqual(digest(password), digest(SANDBOX_PASSWORD))
  return user && passwordOk ? user : null
}
