import 'server-only'

import type { AuthOptions, Session } from 'next-auth'
import type { JWT } from 'next-auth/jwt'
import CredentialsProvider from 'next-auth/providers/credentials'
import type { OAuthConfig } from 'next-auth/providers/oauth'

import { env, type ConsoleEnv } from '@/lib/env'
import { isConsoleRole } from '@/lib/roles/console-role'

import { buildLocalTokenProvider } from './local-token'
import { consoleUserFromOidcProfile, type ConsoleUser } from './oidc-profile'
import { verifySandboxUser } from './sandbox-users'

/** The sign-in page reads this `?error=` code to explain that the IdP groups grant no console role. */
export const NO_CONSOLE_ROLE_ERROR = 'NoConsoleRole'

// Sessions are JWTs in a cookie; eight hours is one working day, after which the IdP is asked again.
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60

/**
 * How old a session cookie may be before a request re-issues it (sliding the eight hours on). next-auth re-encrypts
 * the cookie on every call; API routes polled every few seconds need not, so they only decrypt a fresher one.
 */
export const SESSION_REFRESH_AFTER_SECONDS = 5 * 60

/** next-auth's session cookie name: `__Secure-` prefixed when the console is served over HTTPS, as next-auth does. */
export function sessionCookieName(config: Pick<ConsoleEnv, 'nextAuthUrl'> = env): string {
  const secure = config.nextAuthUrl?.startsWith('https://') ?? false
  return `${secure ? '__Secure-' : ''}next-auth.session-token`
}

function buildSandboxProvider() {
  return CredentialsProvider({
    id: 'sandbox',
    name: 'Sandbox user',
    credentials: { username: { label: 'Username', type: 'text' }, password: { label: 'Password', type: 'password' } },
    authorize: async (credentials) => {
      const user = verifySandboxUser(credentials?.username, credentials?.password)
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

/** The console's user of a session token: what both next-auth's session callback and the fast path return. */
export function sessionUserFromToken(token: JWT): Session['user'] {
  return {
    name: token.name ?? token.sub ?? 'unknown',
    email: token.email ?? null,
    role: isConsoleRole(token.role) ? token.role : 'viewer',
  }
}

function buildProviders(config: ConsoleEnv): AuthOptions['providers'] {
  if (config.authMode === 'oidc') return [buildOidcProvider(config)]
  // parseEnv accepts local-token only with the token's hash and a loopback bind address.
  if (config.authMode === 'local-token') {
    return config.localTokenSha256 ? [buildLocalTokenProvider(config.localTokenSha256)] : []
  }
  return [buildSandboxProvider()]
}

/** next-auth options for the configured sign-in mode (CONSOLE_AUTH). */
export function buildAuthOptions(config: ConsoleEnv): AuthOptions {
  return {
    providers: buildProviders(config),
    // Outside production a fixed secret keeps `npm run dev` working; parseEnv demands a real one in production.
    secret: config.nextAuthSecret ?? 'eks-access-console-development-only-secret',
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin', error: '/signin' },
    callbacks: {
      signIn: ({ user }) =>
        isConsoleRole((user as Partial<ConsoleUser>).role) ? true : `/signin?error=${NO_CONSOLE_ROLE_ERROR}`,
      jwt: ({ token, user }) => {
        if (user) {
          const role = (user as Partial<ConsoleUser>).role
          if (isConsoleRole(role)) token.role = role
          token.name = user.name ?? user.id
          token.email = user.email ?? null
        }
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
