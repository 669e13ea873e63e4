import 'server-only'

import { randomUUID } from 'node:crypto'
import type { AuthOptions, Session } from 'next-auth'
import type { JWT } from 'next-auth/jwt'
import CredentialsProvider from 'next-auth/providers/credentials'
import type { OAuthConfig } from 'next-auth/providers/oauth'

import { isConsoleRole } from '@/lib/auth/console-role'
import { env, type ConsoleEnv } from '@/lib/env'
import { safeRedirectUrl } from '@/lib/security/server/safe-redirect'

import { buildLocalTokenProvider } from './local-token'
import { consoleUserFromOidcProfile, type ConsoleUser } from './oidc-profile'
import { verifySandboxUser } from './sandbox-users'
import { SESSION_IDLE_SECONDS, sessionTokenProblem } from './session-lifetime'
import { isSessionRevoked, revokeSessionToken } from './session-revocation'
import { clientAddress, limitSignIn } from './sign-in-limit'

/** The sign-in page reads this `?error=` code to explain that the IdP groups grant no console role. */
export const NO_CONSOLE_ROLE_ERROR = 'NoConsoleRole'

/** next-auth's session cookie name: `__Secure-` prefixed when the console is served over HTTPS, as next-auth does. */
export function sessionCookieName(config: Pick<ConsoleEnv, 'nextAuthUrl'> = env): string {
  const secure = config.nextAuthUrl?.startsWith('https://') ?? false
  return `${secure ? '__Secure-' : ''}next-auth.session-token`
}

/**
 * The attributes of the session cookie, for next-auth's `cookies.sessionToken` and for re-issuing it. SameSite=Strict:
 * no request started by another site (a link, a form, a frame, `fetch` from a sibling subdomain or another port of the
 * same host) carries the session. Only the session cookie: the OIDC state, PKCE and callback-URL cookies stay
 * next-auth's Lax, because the identity provider's redirect back to /api/auth/callback/oidc is a cross-site navigation
 * that must bring them. The session cookie set on that callback is not sent on the redirect chain it ends (it started
 * at the identity provider), so the OIDC button returns through /signin/continue, which navigates from our own page.
 */
export function sessionCookieOptions(config: Pick<ConsoleEnv, 'nextAuthUrl'> = env) {
  const secure = config.nextAuthUrl?.startsWith('https://') ?? false
  return { httpOnly: true, sameSite: 'strict' as const, path: '/', secure }
}

function buildSandboxProvider() {
  return CredentialsProvider({
    id: 'sandbox',
    name: 'Sandbox user',
    credentials: { username: { label: 'Username', type: 'text' }, password: { label: 'Password', type: 'password' } },
    authorize: async (credentials, req) => {
      const attempt = { username: String(credentials?.username ?? ''), address: clientAddress(req.headers) }
      const user = await limitSignIn(attempt, () => verifySandboxUser(credentials?.username, credentials?.password))
      return user ? { id: user.username, name: user.name, email: null, role: user.role } : null
    },
  })
}

function buildOidcProvider(config: ConsoleEnv): OAuthConfig<Record<string, unknown>> {
  const { issuer, clientId, clientSecret, scopes, providerName, groupsClaim } = config.oidc
  return {
    id: 'oidc',
    name: providerName,
    type: 'oauth',
    // Discovery gives the authorization, token, userinfo and JWKS endpoints of any standards-compliant IdP.
    wellKnown: `${issuer?.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    idToken: true,
    checks: ['pkce', 'state'],
    authorization: { params: { scope: scopes } },
    profile: (profile) => {
      const user = consoleUserFromOidcProfile(profile, { groupsClaim, mapping: config.groupMapping })
      const id = typeof profile.sub === 'string' ? profile.sub : 'unknown'
      // A null role is refused in the signIn callback, which can redirect with an explanation; profile() cannot.
      return user ?? { id, name: null, email: null, role: null }
    },
  }
}

// Thrown by the jwt callback for a token the console refuses; next-auth answers an empty session and clears the cookie.
class SessionRefusedError extends Error {
  override name = 'SessionRefusedError'
}

/** The console's user of a session token: what both next-auth's session callback and the fast path return. */
export function sessionUserFromToken(token: JWT): Session['user'] {
  return {
    name: token.name ?? token.sub ?? 'unknown',
    email: token.email ?? null,
    role: isConsoleRole(token.role) ? token.role : 'viewer',
  }
}

/**
 * Whether sandbox sign-in also offers single sign-on: `npm start` sets OIDC_* to the sandbox's own issuer so the
 * production path (an IdP, groups → console role) can be tried beside the seeded users.
 */
export function offersSandboxSso(config: Pick<ConsoleEnv, 'authMode' | 'oidc'>): boolean {
  return (
    config.authMode === 'sandbox' && Boolean(config.oidc.issuer && config.oidc.clientId && config.oidc.clientSecret)
  )
}

function buildProviders(config: ConsoleEnv): AuthOptions['providers'] {
  if (config.authMode === 'oidc') return [buildOidcProvider(config)]
  // parseEnv accepts local-token only with the token's hash and a loopback bind address.
  if (config.authMode === 'local-token') {
    return config.localTokenSha256 ? [buildLocalTokenProvider(config.localTokenSha256)] : []
  }
  return offersSandboxSso(config) ? [buildSandboxProvider(), buildOidcProvider(config)] : [buildSandboxProvider()]
}

/** next-auth options for the configured sign-in mode (CONSOLE_AUTH). */
export function buildAuthOptions(config: ConsoleEnv): AuthOptions {
  return {
    providers: buildProviders(config),
    // Outside production a fixed secret keeps `npm run dev` working; parseEnv demands a real one in production.
    secret: config.nextAuthSecret ?? 'eks-access-console-development-only-secret',
    // Sessions are JWTs in a cookie. Both limits matter: session.maxAge is the cookie's, jwt.maxAge the token's own
    // exp (next-auth's default is 30 days, which a copied cookie value would keep).
    session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS },
    jwt: { maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: '/signin', error: '/signin' },
    cookies: { sessionToken: { name: sessionCookieName(config), options: sessionCookieOptions(config) } },
    // The sign-out button posts to next-auth's /api/auth/signout, which clears the cookie and calls this with the
    // decoded token; a copy of the cookie kept elsewhere is refused from then on.
    events: { signOut: ({ token }) => revokeSessionToken(token) },
    logger: {
      // An old or signed-out cookie is an expected visitor, not a server fault: nothing to log. (next-auth keeps one
      // logger for the process; every other error is printed as its default logger does.)
      error: (code, metadata) => {
        if (metadata instanceof SessionRefusedError) return
        console.error(`[next-auth][error][${code}]`, metadata)
      },
    },
    callbacks: {
      // Never throws on an odd URL (next-auth's default does: a 500), and only ever leads back into the console.
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      signIn: ({ user }) =>
        isConsoleRole((user as Partial<ConsoleUser>).role) ? true : `/signin?error=${NO_CONSOLE_ROLE_ERROR}`,
      jwt: async ({ token, user }) => {
        if (user) {
          const role = (user as Partial<ConsoleUser>).role
          if (isConsoleRole(role)) token.role = role
          token.name = user.name ?? user.id
          token.email = user.email ?? null
          token.sid = randomUUID()
          token.authTime = Math.floor(Date.now() / 1000)
          return token
        }
        // next-auth's own /api/auth/session: the same lifetime rules as getConsoleSession (a throw here makes
        // next-auth answer an empty session and clear the cookie).
        const problem = sessionTokenProblem(token, Date.now() / 1000)
        if (problem) throw new SessionRefusedError(`Session refused: ${problem}.`)
        if (await isSessionRevoked(token.sid as string)) throw new SessionRefusedError('Session refused: signed out.')
        return token
      },
      session: ({ session, token }) => {
        session.user = sessionUserFromToken(token)
        return session
      },
    },
  }
}

let cached: AuthOptions | undefined

/** The console's next-auth options, built once from the validated environment. */
export function getAuthOptions(): AuthOptions {
  cached ??= buildAuthOptions(env)
  return cached
}
