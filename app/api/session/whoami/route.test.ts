// The real route, withRole and session check, with the session cookie encrypted by next-auth's own encode.
import type { AuthOptions } from 'next-auth'
import { encode, type JWT } from 'next-auth/jwt'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

const cookieJar = new Map<string, string>()
const consoleEnv = {
  authMode: 'sandbox',
  nextAuthUrl: 'http://localhost:3000',
  nextAuthSecret: 'whoami-test-secret-0123456789',
  // Sandbox sign-in without the sandbox issuer's SSO button.
  oidc: {},
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

process.env.NEXTAUTH_URL = consoleEnv.nextAuthUrl
const { GET } = await import('./route')
const entryRoute = await import('../../clusters/[region]/[cluster]/access-entries/[principal]/route')
// next-auth exports no './core'; its file is loaded by path (the handler every next-auth adapter calls).
type AuthHandler = (params: { req: Record<string, unknown>; options: AuthOptions }) => Promise<{
  body?: unknown
  redirect?: string
  cookies?: { name: string; value: string; options: { maxAge?: number } }[]
}>
const { AuthHandler } = (await import('../../../../node_modules/next-auth/core/index.js')) as unknown as {
  AuthHandler: AuthHandler
}
const { getAuthOptions } = await import('@/lib/auth/server/auth-options')
const { setAuditStore } = await import('@/lib/audit/server/audit-store-instance')
const { openSqliteAuditStore } = await import('@/lib/audit/server/sqlite-audit-store')

beforeAll(() => setAuditStore(openSqliteAuditStore(':memory:')))
afterAll(() => setAuditStore(null))

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

/** A PATCH with a body the schema refuses: 422 proves the session passed, 401 that it did not. */
const patchEntry = async () => {
  const principal = encodeURIComponent('arn:aws:iam::111122223333:role/TeamADeveloper')
  const req = new Request(`http://localhost:3000/api/clusters/us-west-2/prod-web/access-entries/${principal}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', origin: consoleEnv.nextAuthUrl },
    body: JSON.stringify({ kubernetesGroups: 'not-a-list' }),
  })
  const params = Promise.resolve({ region: 'us-west-2', cluster: 'prod-web', principal })
  return (await entryRoute.PATCH(req, { params })).status
}

/**
 * Runs next-auth's own request handling (what /api/auth/[...nextauth] does; its Next adapter reads cookies through a
 * CommonJS require the test cannot mock), keeping the cookies it sets in the jar.
 */
async function nextAuth(action: 'csrf' | 'signout' | 'session', body?: Record<string, string>) {
  const response = await AuthHandler({
    req: {
      action,
      method: body ? 'POST' : 'GET',
      body,
      cookies: Object.fromEntries(cookieJar),
      headers: { host: 'localhost:3000' },
    },
    options: getAuthOptions(),
  })
  for (const cookie of response.cookies ?? []) {
    if (cookie.options.maxAge === 0 || cookie.value === '') cookieJar.delete(cookie.name)
    else cookieJar.set(cookie.name, cookie.value)
  }
  return response
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

  it('answers 401 on whoami and on a PATCH to the old cookie after the sign-out button ended the session', async () => {
    const cookie = await cookieIssued(0, { sid: 'signed-out-session' })
    cookieJar.set('next-auth.session-token', cookie)
    expect((await whoami()).status).toBe(200)
    expect(await patchEntry()).toBe(422)
    const { csrfToken } = (await nextAuth('csrf')).body as { csrfToken: string }
    const signOut = await nextAuth('signout', { csrfToken, callbackUrl: '/signin' })
    expect(signOut.redirect).toMatch(/\/signin$/)
    expect(cookieJar.has('next-auth.session-token')).toBe(false)
    cookieJar.set('next-auth.session-token', cookie) // a copy of the cookie kept by someone else
    expect(await whoami()).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } })
    expect(await patchEntry()).toBe(401)
    expect((await nextAuth('session')).body).toEqual({})
  })
})
