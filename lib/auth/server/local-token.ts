import 'server-only'

import { createHash, timingSafeEqual } from 'node:crypto'
import CredentialsProvider from 'next-auth/providers/credentials'

import { clientAddress, limitSignIn } from './sign-in-limit'

/** The one console user of token sign-in: whoever started `npm start -- --aws` on this machine. */
export const localAdmin = { id: 'local-admin', name: 'Local admin', email: null, role: 'admin' as const }

// Which token hashes have signed someone in. On globalThis because Next.js may load this module once per route
// bundle; the server is one process, so this is the whole server's memory of it, and a restart prints a new token.
const usedTokens: Set<string> = ((globalThis as { __consoleUsedLocalTokens?: Set<string> }).__consoleUsedLocalTokens ??=
  new Set())

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/**
 * Checks a presented sign-in token against the launcher's SHA-256 of it, in constant time, and spends it: a token
 * creates one session, so one left in a terminal's scrollback or a browser's history is worthless afterwards.
 */
export function redeemLocalToken(presented: unknown, expectedSha256: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false
  const expected = Buffer.from(expectedSha256, 'hex')
  const matches = expected.length === 32 && timingSafeEqual(sha256(presented), expected)
  if (!matches || usedTokens.has(expectedSha256)) return false
  usedTokens.add(expectedSha256)
  return true
}

/** The credentials provider of CONSOLE_AUTH=local-token (set only by `npm start -- --aws`, bound to loopback). */
export function buildLocalTokenProvider(expectedSha256: string) {
  return CredentialsProvider({
    id: 'local-token',
    name: 'Sign-in token',
    credentials: { token: { label: 'Sign-in token', type: 'password' } },
    // The token is 256 random bits, so guessing is hopeless anyway; the limit still bounds a local process hammering it.
    authorize: (credentials, req) =>
      limitSignIn({ username: 'local-token', address: clientAddress(req.headers) }, () =>
        redeemLocalToken(credentials?.token, expectedSha256) ? localAdmin : null,
      ),
  })
}
