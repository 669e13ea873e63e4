// The real route, withRole and session check, with the session cookie encrypted by next-auth's own encode.
import { encode, type JWT } from 'next-auth/jwt'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const cookieJar = new Map<string, string>()
const consoleEnv = {
  authMode: 'sandbox',
  nextAuthUrl: 'http://localhost:3000',
  nextAuthSecret: 'whoami-test-secret-0123456789',
}

vi.mock('server-only', () => ({}))
vi.mock('@/lib/env', () => ({ env: consoleEnv }))
vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { value: cookieJar.get(name) } : undefined),
    set: (name: string, value: string) => void cookieJar.set(name, value),
    getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
  }),
}))

const { GET } = await import('./route')

const DAY = 86400
const editor: JWT = { name: 'Sandbox Editor', email: null, role: 'editor' }

/** A session cookie issued `daysAgo` with next-auth's default 30-day exp (what the console issued before). */
async function cookieIssued(daysAgo: number, claims: Partial<JWT> = {}): Promise<string> {
  const issuedAt = Math.floor(Date.now() / 1000) - daysAgo * DAY
  vi.useFakeTimers({ toFake: ['Date'], now: issuedAt * 1000 })
  try {
    return await encode({
      token: { ...editor, sid: 's-29', authTime: issuedAt, ...claims },
      secret: consoleEnv.nextAuthSecret,
      maxAge: 30 * DAY,
    })
  } finally {
    vi.useRealTimers()
  }
}

const whoami = async () => {
  const response = await GET(new Request('http://localhost:3000/api/session/whoami'), { params: Promise.resolve({}) })
  return { status: response.status, body: (await response.json()) as { role?: string; error?: { code: string } } }
}

beforeEach(() => cookieJar.clear())

describe('GET /api/session/whoami', () => {
  it('answers the signed-in user for a fresh cookie', async () => {
    cookieJar.set('next-auth.session-token', await cookieIssued(0))
    expect(await whoami()).toMatchObject({ status: 200, body: { role: 'editor' } })
  })

  it('answers 401 for a token issued 29 days ago, although its own exp is still ahead', async () => {
    cookieJar.set('next-auth.session-token', await cookieIssued(29))
    expect(await whoami()).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } })
  })
})
