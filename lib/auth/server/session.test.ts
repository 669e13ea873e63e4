// getConsoleSession decides every request itself: it decrypts the session cookie (encrypted here with next-auth's own
// encode), applies the idle and absolute limits, and re-issues a token older than a few minutes (sliding expiry).
import { decode, encode, type JWT } from 'next-auth/jwt'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

const cookieJar = new Map<string, string>()
const setCookie = vi.fn((name: string, value: string, _options?: object) => void cookieJar.set(name, value))
const consoleEnv = { nextAuthUrl: 'http://localhost:3000', nextAuthSecret: 'session-test-secret-0123456789' }

vi.mock('server-only', () => ({}))
vi.mock('@/lib/env', () => ({ env: consoleEnv }))
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { value: cookieJar.get(name) } : undefined),
    set: setCookie,
  }),
}))

const { getConsoleSession } = await import('./session')
const { revokeSessionToken } = await import('./session-revocation')
const { setAuditStore } = await import('@/lib/audit/server/audit-store-instance')
const { openSqliteAuditStore } = await import('@/lib/audit/server/sqlite-audit-store')
const { SESSION_REFRESH_AFTER_SECONDS, SESSION_IDLE_SECONDS, SESSION_ABSOLUTE_SECONDS } =
  await import('./session-lifetime')

const COOKIE = 'next-auth.session-token'
const HOUR = 3600
const alice: JWT = { name: 'Alice Admin', email: 'alice@example.com', role: 'admin' }

/**
 * A cookie encrypted `secondsAgo` ago for a session signed in `signedInAgo` seconds ago. `maxAge` undefined is
 * next-auth's default (30 days), which is what the console issued before the idle limit was its own.
 */
async function cookieIssued(
  secondsAgo: number,
  options: { signedInAgo?: number; maxAge?: number; secret?: string; claims?: Partial<JWT> } = {},
): Promise<string> {
  const now = Date.now()
  const authTime = Math.floor(now / 1000) - (options.signedInAgo ?? secondsAgo)
  vi.setSystemTime(now - secondsAgo * 1000)
  const token = await encode({
    token: { ...alice, sid: 'session-1', authTime, ...options.claims },
    secret: options.secret ?? consoleEnv.nextAuthSecret,
    maxAge: options.maxAge ?? SESSION_IDLE_SECONDS,
  })
  vi.setSystemTime(now)
  return token
}

// Revocations live in the audit store: a real SQLite database in memory.
beforeAll(() => setAuditStore(openSqliteAuditStore(':memory:')))
afterAll(() => setAuditStore(null))

beforeEach(() => {
  cookieJar.clear()
  setCookie.mockClear()
  vi.useFakeTimers({ toFake: ['Date'] })
})
afterEach(() => vi.useRealTimers())

describe('getConsoleSession', () => {
  it('decrypts a fresh cookie, with the same user fields the session callback builds, without re-issuing it', async () => {
    cookieJar.set(COOKIE, await cookieIssued(30))
    const session = await getConsoleSession()
    expect(session?.user).toEqual({ name: 'Alice Admin', email: 'alice@example.com', role: 'admin' })
    expect(Date.parse(session?.expires ?? '')).toBeGreaterThan(Date.now() + 7 * HOUR * 1000)
    expect(setCookie).not.toHaveBeenCalled()
  })

  it('keeps a decrypted session until its refresh is due, then re-issues the token with the same session id', async () => {
    const first = await cookieIssued(10)
    cookieJar.set(COOKIE, first)
    const session = await getConsoleSession()
    expect(await getConsoleSession()).toBe(session)
    vi.setSystemTime(Date.now() + SESSION_REFRESH_AFTER_SECONDS * 1000)
    expect((await getConsoleSession())?.user.name).toBe('Alice Admin')
    expect(setCookie).toHaveBeenCalledOnce()
    expect(setCookie.mock.calls[0]?.[2]).toMatchObject({ httpOnly: true, path: '/', secure: false })
    const next = await decode({ token: cookieJar.get(COOKIE), secret: consoleEnv.nextAuthSecret })
    const old = await decode({ token: first, secret: consoleEnv.nextAuthSecret })
    expect(next?.sid).toBe('session-1')
    expect(next?.authTime).toBe(old?.authTime)
    expect((next?.exp as number) - (next?.iat as number)).toBe(SESSION_IDLE_SECONDS)
    expect(next?.iat as number).toBeGreaterThan(old?.iat as number)
  })

  it.each([
    {
      name: 'a token issued 29 days ago (30-day exp)',
      cookie: () => cookieIssued(29 * 24 * HOUR, { maxAge: 30 * 24 * HOUR }),
    },
    {
      name: 'a token idle for the idle limit',
      cookie: () => cookieIssued(SESSION_IDLE_SECONDS + 1, { maxAge: 30 * 24 * HOUR }),
    },
    {
      name: 'a token re-issued a minute ago of a session older than the absolute limit',
      cookie: () => cookieIssued(60, { signedInAgo: SESSION_ABSOLUTE_SECONDS + 1 }),
    },
    {
      name: 'a token without a session id (issued before sessions had one)',
      cookie: () => cookieIssued(60, { claims: { sid: undefined } }),
    },
    {
      name: 'a token encrypted with another secret',
      cookie: () => cookieIssued(1, { secret: 'another-secret-0123456789abcdef' }),
    },
    { name: 'a tampered token', cookie: async () => `${(await cookieIssued(1)).slice(0, -4)}AAAA` },
  ])('refuses $name', async ({ cookie }) => {
    cookieJar.set(COOKIE, await cookie())
    expect(await getConsoleSession()).toBeNull()
    expect(setCookie).not.toHaveBeenCalled()
  })

  it('refuses every token of a signed-out session, also one the process had already decrypted', async () => {
    const cookie = await cookieIssued(10, { claims: { sid: 'signed-out' } })
    const older = await cookieIssued(SESSION_REFRESH_AFTER_SECONDS + 10, { claims: { sid: 'signed-out' } })
    cookieJar.set(COOKIE, cookie)
    expect(await getConsoleSession()).not.toBeNull()
    await revokeSessionToken(await decode({ token: cookie, secret: consoleEnv.nextAuthSecret }))
    expect(await getConsoleSession()).toBeNull()
    cookieJar.set(COOKIE, older)
    expect(await getConsoleSession()).toBeNull()
    expect(setCookie).not.toHaveBeenCalled()
    cookieJar.set(COOKIE, await cookieIssued(10, { claims: { sid: 'another-session' } }))
    expect(await getConsoleSession()).not.toBeNull()
  })

  it('fails closed when the store cannot say whether the session was signed out', async () => {
    const broken = openSqliteAuditStore(':memory:')
    await setAuditStore({
      ...broken,
      sessions: { ...broken.sessions, isSessionRevoked: () => Promise.reject(new Error('disk I/O error')) },
    })
    try {
      cookieJar.set(COOKIE, await cookieIssued(10, { claims: { sid: 'unknown' } }))
      await expect(getConsoleSession()).rejects.toThrow('disk I/O error')
    } finally {
      await setAuditStore(openSqliteAuditStore(':memory:'))
    }
  })

  it('answers null without a cookie', async () => {
    expect(await getConsoleSession()).toBeNull()
  })

  it('reads the __Secure- cookie when the console is served over HTTPS, and re-issues it Secure', async () => {
    consoleEnv.nextAuthUrl = 'https://console.example.com'
    try {
      cookieJar.set(COOKIE, await cookieIssued(1))
      expect(await getConsoleSession()).toBeNull()
      cookieJar.set(`__Secure-${COOKIE}`, await cookieIssued(SESSION_REFRESH_AFTER_SECONDS + 1))
      expect((await getConsoleSession())?.user.name).toBe('Alice Admin')
      expect(setCookie.mock.calls[0]?.[0]).toBe(`__Secure-${COOKIE}`)
      expect(setCookie.mock.calls[0]?.[2]).toMatchObject({ secure: true })
    } finally {
      consoleEnv.nextAuthUrl = 'http://localhost:3000'
    }
  })
})
