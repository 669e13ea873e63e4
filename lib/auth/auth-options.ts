import 'server-only'

import type { AuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import type { OAuthConfig } from 'next-auth/providers/oauth'

import { env, type ConsoleEnv } from '@/lib/env'
import { isConsoleRole } from '@/lib/roles/console-role'

import { consoleUserFromOidcProfile, type ConsoleUser } from './oidc-profile'
import { verifySandboxUser } from './sandbox-users'

/** The sign-in page reads this `?error=` code to explain that the IdP groups grant no console role. */
export const NO_CONSOLE_ROLE_ERROR = 'NoConsoleRole'

// Sessions are JWTs in a cookie; eight hours is one working day, after which the IdP is asked again.
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60

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

/** next-auth options for the configured sign-in mode (CONSOLE_AUTH). */
export function buildAuthOptions(config: ConsoleEnv): AuthOptions {
  return {
    providers: config.authMode === 'oidc' ? [buildOidcProvider(config)] : [buildSandboxProvider()],
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
        session.user = {
          name: token.name ?? token.sub ?? 'unknown',
          email: token.email ?? null,
          role: isConsoleRole(token.role) ? token.role : 'viewer',
        }
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
