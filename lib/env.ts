import 'server-only'

import { EnvError, findEnvProblems, parseEnv, type ConsoleEnv, type EnvProblem } from './env-schema'

export { EnvError, parseEnv, type ConsoleEnv, type EnvProblem }

let cached: ConsoleEnv | undefined

/** Parses `process.env` once, on first use (so `next build` runs without the runtime configuration). */
export function loadEnv(): ConsoleEnv {
  cached ??= parseEnv(process.env)
  return cached
}

/**
 * The problems of `process.env` (empty when it is valid), for the page that explains them instead of a bare 500
 * when the server was started without the launcher's checks (e.g. `npm run serve`).
 */
export function configurationProblems(): EnvProblem[] {
  // `next build` prerenders static pages without the runtime configuration; only a running server is judged.
  if (cached || process.env.NEXT_PHASE === 'phase-production-build') return []
  return findEnvProblems(process.env)
}

/** The validated configuration, read lazily on first property access. */
export const env: ConsoleEnv = new Proxy({} as ConsoleEnv, {
  get: (_target, key) => loadEnv()[key as keyof ConsoleEnv],
})

/** One row of the settings page: a variable, its effective value (secrets masked) and where it came from. */
export type ConfigurationRow = { name: string; value: string; source: 'environment' | 'default'; secret: boolean }

/** Describes the effective configuration for a settings page; secrets are shown only as "set" or "not set". */
export function describeConfiguration(): ConfigurationRow[] {
  const current = loadEnv()
  const isSet = (name: string) => Boolean(process.env[name])
  const row = (name: string, value: string | undefined, secret = false): ConfigurationRow => ({
    name,
    value: secret ? (value ? 'set' : 'not set') : (value ?? 'not set'),
    source: isSet(name) ? 'environment' : 'default',
    secret,
  })
  return [
    row('AWS_REGION', current.awsRegion),
    row('AWS_PROFILE', current.awsProfile),
    row('AWS_ENDPOINT_URL', current.awsEndpointUrl),
    row('CONSOLE_REGIONS', current.consoleRegions.join(', ')),
    row('CONSOLE_AUTH', current.authMode),
    row('NEXTAUTH_URL', current.nextAuthUrl),
    row('NEXTAUTH_SECRET', current.nextAuthSecret, true),
    row('OIDC_ISSUER', current.oidc.issuer),
    row('OIDC_CLIENT_ID', current.oidc.clientId),
    row('OIDC_CLIENT_SECRET', current.oidc.clientSecret, true),
    row('OIDC_GROUPS_CLAIM', current.oidc.groupsClaim),
    row('OIDC_SCOPES', current.oidc.scopes),
    row('CONSOLE_ADMIN_GROUPS', current.groupMapping.admin.join(', ')),
    row('CONSOLE_EDITOR_GROUPS', current.groupMapping.editor.join(', ')),
    row('CONSOLE_VIEWER_GROUPS', current.groupMapping.viewer.join(', ')),
    row('AUDIT_DB_PATH', current.audit.sqlitePath),
    // The URL usually carries the database password.
    row('DATABASE_URL', current.audit.databaseUrl, true),
    row('METRICS_TOKEN', current.metricsToken, true),
  ]
}
