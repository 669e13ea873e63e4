import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * next-auth signs sessions with NEXTAUTH_SECRET. When the person sets none, keep one generated secret in the state
 * directory so sign-ins survive a restart instead of silently logging everyone out.
 */
export function readOrCreateSecret(stateDir: string): string {
  const file = join(stateDir, 'nextauth-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(stateDir, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
