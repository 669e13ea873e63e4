import { createHash } from 'node:crypto'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/env', () => ({ env: {} }))
const { parseEnv } = await vi.importActual<typeof import('@/lib/env')>('@/lib/env')
const { setAuditStore } = await import('@/lib/audit/server/audit-store-instance')
const { openSqliteAuditStore } = await import('@/lib/audit/server/sqlite-audit-store')
const { buildAuthOptions } = await import('./auth-options')
const { clientAddress, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_USER, SIGN_IN_WINDOW_SECONDS } =
  await import('./sign-in-limit')
const { describeTooManySignIns, tooManySignInsCode } = await import('@/lib/queries/too-many-sign-ins')

// The sandbox provider's own authorize, as next-auth calls it for POST /api/auth/callback/sandbox.
type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>
const provider = buildAuthOptions(parseEnv({ CONSOLE_AUTH: 'sandbox' })).providers[0] as unknown as {
  options: { authorize: Authorize }
}
const signIn = (username: string, password: string, address = '203.0.113.7') =>
  provider.options.authorize({ username, password }, { headers: { 'x-forwarded-for': `10.9.9.9, ${address}` } })

beforeEach(async () => {
  await setAuditStore(openSqliteAuditStore(':memory:'))
  vi.useRealTimers()
})
afterAll(() => setAuditStore(null))

describe('sign-in limit (sandbox credentials)', () => {
  it(`refuses a user name after ${MAX_FAILURES_PER_USER} failures, even with the right password, until the window passes`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++) expect(await signIn('editor', 'guess')).toBeNull()
    await expect(signIn('Editor', 'sandbox')).rejects.toThrow(tooManySignInsCode(SIGN_IN_WINDOW_SECONDS))
    expect(await signIn('viewer', 'sandbox')).toMatchObject({ role: 'viewer' })
    vi.setSystemTime(Date.now() + (SIGN_IN_WINDOW_SECONDS - 120) * 1000)
    await expect(signIn('editor', 'sandbox')).rejects.toThrow('TooManySignIns-2')
    vi.setSystemTime(Date.now() + 121 * 1000)
    expect(await signIn('editor', 'sandbox')).toMatchObject({ role: 'editor' })
  })

  it(`refuses an address after ${MAX_FAILURES_PER_ADDRESS} failures across user names; other addresses go on`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) expect(await signIn(`user${i}`, 'guess')).toBeNull()
    await expect(signIn('admin', 'sandbox')).rejects.toThrow(/^TooManySignIns-1[45]$/)
    expect(await signIn('admin', 'sandbox', '198.51.100.1')).toMatchObject({ role: 'admin' })
  })

  it('does not count successful sign-ins', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_USER + 2; i++) expect(await signIn('admin', 'sandbox')).not.toBeNull()
  })
})

describe('sign-in limit (local token)', () => {
  const token = 'printed-token-for-limit'
  const tokenProvider = buildAuthOptions(
    parseEnv({
      CONSOLE_AUTH: 'local-token',
      HOST: '127.0.0.1',
      CONSOLE_LOCAL_TOKEN_SHA256: createHash('sha256').update(token).digest('hex'),
    }),
  ).providers[0] as unknown as { options: { authorize: Authorize } }
  const present = (presented: string) =>
    tokenProvider.options.authorize({ token: presented }, { headers: { 'x-forwarded-for': '127.0.0.1' } })

  it(`refuses even the right token after ${MAX_FAILURES_PER_USER} wrong ones, so guessing is bounded`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++) expect(await present(`guess-${i}`)).toBeNull()
    await expect(present(token)).rejects.toThrow(tooManySignInsCode(SIGN_IN_WINDOW_SECONDS))
  })
})

describe('clientAddress', () => {
  it.each([
    { headers: { 'x-forwarded-for': '203.0.113.7' }, address: '203.0.113.7' },
    { headers: { 'x-forwarded-for': 'forged, 198.51.100.2' }, address: '198.51.100.2' },
    { headers: { 'x-forwarded-for': ' ::1 ' }, address: '::1' },
    { headers: { 'x-forwarded-for': '' }, address: null },
    { headers: {}, address: null },
    { headers: undefined, address: null },
  ])('$headers → $address', ({ headers, address }) => {
    expect(clientAddress(headers)).toBe(address)
  })
})

describe('describeTooManySignIns', () => {
  it.each([
    { code: tooManySignInsCode(14 * 60 + 1), text: 'Too many sign-in attempts. Try again in 15 minutes.' },
    { code: tooManySignInsCode(10), text: 'Too many sign-in attempts. Try again in 1 minute.' },
    { code: 'TooManySignIns-x', text: null },
    { code: 'CredentialsSignin', text: null },
    { code: undefined, text: null },
  ])('$code → $text', ({ code, text }) => {
    expect(describeTooManySignIns(code)).toBe(text)
  })
})
