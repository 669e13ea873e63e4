// getConsoleSession reads a fresh session cookie itself and leaves anything else to next-auth's getServerSession,
// which re-issues the cookie (sliding expiry). The cookie here is encrypted with next-auth's own encode.
import { encode } from 'next-auth/jwt'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const cookieJar = new Map<string, string>()
const consoleEnv = { nextAuthUrl: 'http://localhost:3000', nextAuthSecret: 'session-test-secret-0123456789' }

vi.mock('server-only', () => ({}))
vi.mock('@/lib/env', () => ({ env: consoleEnv }))
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { value: cookieJar.get(name) } : undefined) }),
}))
const getServerSession = vi.fn()
vi.mock('next-auth', async (importOriginal) => ({ ...(await importOriginal()), getServerSession }))

const { getConsoleSession } = await import('./session')
const { SESSION_REFRESH_AFTER_SECONDS } = await import('./auth-options')

const fullPathSession = { user: { name: 'from next-auth', email: null, role: 'viewer' }, expires: 'x' }

async function cookieIssued(secondsAgo: number, secret = consoleEnv.nextAuthSecret): Promise<string> {
  const now = Date.now()
  vi.setSystemTime(now - secondsAgo * 1000)
  const token = await encode({ token: { name: 'Alice Admin', email: 'alice@example.com', role: 'admin' }, secret })
  vi.setSystemTime(now)
  return token
}

beforeEach(() => {
  cookieJar.clear()
  getServerSession.mockReset().mockResolvedValue(fullPathSession)
  vi.useFakeTimers({ toFake: ['Date'] })
})
afterEach(() => vi.useRealTimers())

describe('getConsoleSession', () => {
  it('decrypts a fresh cookie itself, with the same user fields the session callback builds', async () => {
    cookieJar.set('next-auth.session-token', await cookieIssued(30))
    const session = await getConsoleSession()
    expect(session?.user).toEqual({ name: 'Alice Admin', email: 'alice@example.com', role: 'admin' })
    expect(Date.parse(session?.expires ?? '')).toBeGreaterThan(Date.now() + 7 * 3600 * 1000)
    expect(getServerSession).not.toHaveBeenCalled()
  })

  it('keeps a decrypted session only until its cookie is due for refresh', async () => {
    cookieJar.set('next-auth.session-token', await cookieIssued(10))
    const first = await getConsoleSession()
    expect(await getConsoleSession()).toBe(first)
    vi.setSystemTime(Date.now() + (SESSION_REFRESH_AFTER_SECONDS - 5) * 1000)
    expect(await getConsoleSession()).toBe(fullPathSession)
    expect(getServerSession).toHaveBeenCalledOnce()
  })

  it('leaves an older cookie to next-auth, which re-issues it', async () => {
    cookieJar.set('next-auth.session-token', await cookieIssued(SESSION_REFRESH_AFTER_SECONDS + 5))
    expect(await getConsoleSession()).toBe(fullPathSession)
    expect(getServerSession).toHaveBeenCalledOnce()
  })

  it('leaves a missing, foreign or tampered cookie to next-auth', async () => {
    expect(await getConsoleSession()).toBe(fullPathSession)
    cookieJar.set('next-auth.session-token', await cookieIssued(1, 'another-secret-0123456789abcdef'))
    expect(await getConsoleSession()).toBe(fullPathSession)
    const good = await cookieIssued(1)
    cookieJar.set('next-auth.session-token', `${good.slice(0, -4)}AAAA`)
    expect(await getConsoleSession()).toBe(fullPathSession)
    expect(getServerSession).toHaveBeenCalledTimes(3)
  })

  it('reads the __Secure- cookie when the console is served over HTTPS', async () => {
    consoleEnv.nextAuthUrl = 'https://console.example.com'
    try {
      cookieJar.set('next-auth.session-token', await cookieIssued(1))
      expect(await getConsoleSession()).toBe(fullPathSession)
      cookieJar.set('__Secure-next-auth.session-token', await cookieIssued(1))
      expect((await getConsoleSession())?.user.name).toBe('Alice Admin')
    } finally {
      consoleEnv.nextAuthUrl = 'http://localhost:3000'
    }
  })
})
