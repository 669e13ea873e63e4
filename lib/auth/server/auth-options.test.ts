import type { Account, Session, User } from 'next-auth'
import type { JWT } from 'next-auth/jwt'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/env', () => ({ env: {} }))
const { parseEnv } = await vi.importActual<typeof import('@/lib/env')>('@/lib/env')
const { buildAuthOptions, NO_CONSOLE_ROLE_ERROR } = await import('./auth-options')
const { verifySandboxUser } = await import('./sandbox-users')
const { setAuditStore } = await import('@/lib/audit/server/audit-store-instance')
const { openSqliteAuditStore } = await import('@/lib/audit/server/sqlite-audit-store')
const { isSessionRevoked } = await import('./session-revocation')

beforeAll(() => setAuditStore(openSqliteAuditStore(':memory:')))
afterAll(() => setAuditStore(null))

const sandboxEnv = parseEnv({ CONSOLE_AUTH: 'sandbox' })
const oidcEnv = parseEnv({
  CONSOLE_AUTH: 'oidc',
  OIDC_ISSUER: 'https://idp.example.com/realms/acme/',
  OIDC_CLIENT_ID: 'console',
  OIDC_CLIENT_SECRET: 'secret',
  CONSOLE_EDITOR_GROUPS: 'eks-editors',
})

describe('verifySandboxUser', () => {
  it.each([
    { username: 'admin', password: 'sandbox', role: 'admin' },
    { username: ' Editor ', password: 'sandbox', role: 'editor' },
    { username: 'viewer', password: 'sandbox', role: 'viewer' },
    { username: 'viewer', password: 'Sandbox', role: null },
    { username: 'root', password: 'sandbox', role: null },
    { username: undefined, password: 'sandbox', role: null },
  ])('$username / $password → $role', ({ username, password, role }) => {
    expect(verifySandboxUser(username, password)?.role ?? null).toBe(role)
  })
})

describe('buildAuthOptions', () => {
  it('offers only the sandbox credentials provider in sandbox mode', () => {
    const options = buildAuthOptions(sandboxEnv)
    // next-auth merges a built-in provider's `options` over its defaults at run time, as done here.
    const effective = options.providers.map((p) => ({ ...p, ...(p as { options?: object }).options }))
    expect(effective.map((p) => [p.id, p.type])).toEqual([['sandbox', 'credentials']])
    expect(options.pages).toMatchObject({ signIn: '/signin' })
  })

  it('configures OIDC discovery and maps the profile through the groups claim', () => {
    const [provider] = buildAuthOptions(oidcEnv).providers
    expect(provider).toMatchObject({
      id: 'oidc',
      wellKnown: 'https://idp.example.com/realms/acme/.well-known/openid-configuration',
    })
    const profile = (provider as unknown as { profile: (p: Record<string, unknown>) => unknown }).profile
    expect(profile({ sub: 'u1', name: 'Eve', groups: ['eks-editors'] })).toMatchObject({ id: 'u1', role: 'editor' })
    expect(profile({ sub: 'u2', name: 'Mal', groups: ['sales'] })).toMatchObject({ id: 'u2', role: null })
  })

  it.each([
    { role: 'editor', result: true },
    { role: null, result: `/signin?error=${NO_CONSOLE_ROLE_ERROR}` },
  ])('signIn with role $role → $result', async ({ role, result }) => {
    const signIn = buildAuthOptions(oidcEnv).callbacks!.signIn!
    const user = { id: 'u', role } as unknown as User
    expect(await signIn({ user, account: { provider: 'oidc' } as Account })).toBe(result)
  })

  it('carries the role from the user through the JWT into the session', async () => {
    const { jwt, session } = buildAuthOptions(sandboxEnv).callbacks!
    const user = { id: 'admin', name: 'Sandbox Admin', email: null, role: 'admin' } as unknown as User
    const token = (await jwt!({ token: { sub: 'admin' }, user, account: null, trigger: 'signIn' })) as JWT
    expect(token).toMatchObject({ role: 'admin', name: 'Sandbox Admin' })
    const result = await session!({ session: { expires: 'x' } as Session, token, user } as never)
    expect(result.user).toEqual({ name: 'Sandbox Admin', email: null, role: 'admin' })
  })

  it("gives the token itself the eight-hour idle limit, not next-auth's 30 days", () => {
    const options = buildAuthOptions(sandboxEnv)
    expect(options.jwt?.maxAge).toBe(8 * 3600)
    expect(options.session?.maxAge).toBe(8 * 3600)
  })

  it("starts a session id and sign-in time at sign-in, and refuses an expired token on next-auth's session path", async () => {
    const { jwt } = buildAuthOptions(sandboxEnv).callbacks!
    const user = { id: 'admin', name: 'Sandbox Admin', email: null, role: 'admin' } as unknown as User
    const signedIn = (await jwt!({ token: {}, user, account: null, trigger: 'signIn' })) as JWT
    expect(signedIn.sid).toMatch(/^[0-9a-f-]{36}$/)
    expect(Math.abs((signedIn.authTime ?? 0) - Date.now() / 1000)).toBeLessThan(5)
    const now = Math.floor(Date.now() / 1000)
    const fresh = { ...signedIn, iat: now - 60, exp: now + 3600 }
    expect(await jwt!({ token: fresh, user: undefined as never, account: null })).toBe(fresh)
    const old = { ...signedIn, authTime: now - 29 * 86400, iat: now - 29 * 86400, exp: now + 86400 }
    await expect(jwt!({ token: old, user: undefined as never, account: null })).rejects.toThrow(/idle for too long/)
  })

  it("revokes the session on sign-out, after which next-auth's session path refuses its token", async () => {
    const { callbacks, events } = buildAuthOptions(sandboxEnv)
    const user = { id: 'editor', name: 'Sandbox Editor', email: null, role: 'editor' } as unknown as User
    const signedIn = (await callbacks!.jwt!({ token: {}, user, account: null, trigger: 'signIn' })) as JWT
    const now = Math.floor(Date.now() / 1000)
    const token = { ...signedIn, iat: now, exp: now + 3600 }
    await events!.signOut!({ token, session: null as never })
    expect(await isSessionRevoked(token.sid as string)).toBe(true)
    await expect(callbacks!.jwt!({ token, user: undefined as never, account: null })).rejects.toThrow(/signed out/)
  })

  it.each([
    { url: 'http://localhost:3000', name: 'next-auth.session-token', secure: false },
    { url: 'https://console.example.com', name: '__Secure-next-auth.session-token', secure: true },
  ])('sets only the session cookie SameSite=Strict ($url)', ({ url, name, secure }) => {
    const options = buildAuthOptions(parseEnv({ CONSOLE_AUTH: 'sandbox', NEXTAUTH_URL: url }))
    expect(options.cookies).toEqual({
      sessionToken: { name, options: { httpOnly: true, sameSite: 'strict', path: '/', secure } },
    })
  })
})
