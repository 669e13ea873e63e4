import 'server-only'

import { z } from 'zod'

/** A comma-separated list (`a, b,,c` → `['a','b','c']`); blanks are dropped so a trailing comma is harmless. */
const splitCommaList = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
const commaList = z.string().optional().transform(splitCommaList)

// AWS region codes look like `us-west-2`, `eu-central-1`, `us-gov-west-1`, `ap-southeast-5`.
const regionCode = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region code such as us-west-2')

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value)

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  AWS_REGION: z.preprocess(emptyAsUndefined, regionCode.default('us-west-2')),
  AWS_PROFILE: z.preprocess(emptyAsUndefined, z.string().optional()),
  AWS_ENDPOINT_URL: z.preprocess(emptyAsUndefined, z.url('must be a URL such as http://127.0.0.1:4566').optional()),
  CONSOLE_REGIONS: commaList.pipe(z.array(regionCode)),
  CONSOLE_AUTH: z.preprocess(emptyAsUndefined, z.enum(['sandbox', 'oidc']).optional()),
  NEXTAUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  NEXTAUTH_URL: z.preprocess(
    emptyAsUndefined,
    z.url('must be the console URL such as https://console.example.com').optional(),
  ),
  OIDC_ISSUER: z.preprocess(emptyAsUndefined, z.url('must be the issuer URL, e.g. https://idp.example.com').optional()),
  OIDC_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
  OIDC_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  OIDC_GROUPS_CLAIM: z.preprocess(emptyAsUndefined, z.string().default('groups')),
  OIDC_SCOPES: z.preprocess(emptyAsUndefined, z.string().default('openid email profile')),
  OIDC_PROVIDER_NAME: z.preprocess(emptyAsUndefined, z.string().default('Single sign-on')),
  CONSOLE_ADMIN_GROUPS: commaList,
  CONSOLE_EDITOR_GROUPS: commaList,
  CONSOLE_VIEWER_GROUPS: commaList,
  AUDIT_DB_PATH: z.preprocess(emptyAsUndefined, z.string().default('.data/audit.sqlite')),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/console')
      .optional(),
  ),
})

/** The console's validated configuration. */
export type ConsoleEnv = ReturnType<typeof parseEnv>

/** Thrown when the environment is invalid; the message lists every problem at once. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`The console's configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'EnvError'
  }
}

/**
 * Validates an environment (normally `process.env`) and derives the console's settings.
 * Throws {@link EnvError} naming every variable that is wrong, so one restart fixes them all.
 */
export function parseEnv(source: Record<string, string | undefined>) {
  const parsed = rawEnvSchema.safeParse(source)
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((issue) => {
        const [name, index] = issue.path
        const value =
          typeof index === 'number' ? ` item ${index + 1} "${splitCommaList(source[String(name)])[index]}"` : ''
        return `${String(name)}${value}: ${issue.message}`
      }),
    )
  }
  const raw = parsed.data
  const production = raw.NODE_ENV === 'production'
  const problems: string[] = []
  // Sandbox sign-in has well-known passwords: a production server must choose its sign-in explicitly.
  const auth = raw.CONSOLE_AUTH ?? (production ? undefined : 'sandbox')
  if (!auth) problems.push('CONSOLE_AUTH: required in production (sandbox or oidc)')
  if (production && !raw.NEXTAUTH_SECRET) {
    problems.push('NEXTAUTH_SECRET: required in production (it signs the session cookies)')
  }
  if (auth === 'oidc') {
    for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
      if (!raw[name]) problems.push(`${name}: required when CONSOLE_AUTH=oidc`)
    }
    const groupCount =
      raw.CONSOLE_ADMIN_GROUPS.length + raw.CONSOLE_EDITOR_GROUPS.length + raw.CONSOLE_VIEWER_GROUPS.length
    if (groupCount === 0) {
      problems.push('CONSOLE_ADMIN_GROUPS / CONSOLE_EDITOR_GROUPS / CONSOLE_VIEWER_GROUPS: set at least one group')
    }
  }
  if (problems.length > 0) throw new EnvError(problems)

  return {
    production,
    awsRegion: raw.AWS_REGION,
    awsProfile: raw.AWS_PROFILE,
    awsEndpointUrl: raw.AWS_ENDPOINT_URL,
    // Default to the one region the SDK is already pointed at, so a fresh install shows something.
    consoleRegions: raw.CONSOLE_REGIONS.length > 0 ? [...new Set(raw.CONSOLE_REGIONS)] : [raw.AWS_REGION],
    consoleRegionsFromDefault: raw.CONSOLE_REGIONS.length === 0,
    authMode: auth as 'sandbox' | 'oidc',
    nextAuthSecret: raw.NEXTAUTH_SECRET,
    nextAuthUrl: raw.NEXTAUTH_URL,
    oidc: {
      issuer: raw.OIDC_ISSUER,
      clientId: raw.OIDC_CLIENT_ID,
      clientSecret: raw.OIDC_CLIENT_SECRET,
      groupsClaim: raw.OIDC_GROUPS_CLAIM,
      scopes: raw.OIDC_SCOPES,
      providerName: raw.OIDC_PROVIDER_NAME,
    },
    groupMapping: {
      admin: raw.CONSOLE_ADMIN_GROUPS,
      editor: raw.CONSOLE_EDITOR_GROUPS,
      viewer: raw.CONSOLE_VIEWER_GROUPS,
    },
    // PostgreSQL when DATABASE_URL is set (several console replicas share one log); otherwise a local SQLite file.
    audit: raw.DATABASE_URL
      ? { store: 'postgres' as const, databaseUrl: raw.DATABASE_URL, sqlitePath: raw.AUDIT_DB_PATH }
      : { store: 'sqlite' as const, databaseUrl: undefined, sqlitePath: raw.AUDIT_DB_PATH },
  }
}

let cached: ConsoleEnv | undefined

/** Parses `process.env` once, on first use (so `next build` runs without the runtime configuration). */
export function loadEnv(): ConsoleEnv {
  cached ??= parseEnv(process.env)
  return cached
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
  ]
}
