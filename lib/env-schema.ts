// The console's configuration rules, shared by the server (lib/env.ts) and the launcher (scripts/start.ts), which
// checks the environment it is about to hand the server before starting anything. No `server-only` here: the
// launcher is a plain Node program. It reads no process.env itself; callers pass the environment in.
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

/** README sections a configuration problem points to (GitHub renders these anchors from the headings). */
export const readmeSections = {
  configuration: 'README.md#configuration',
  realAccount: 'README.md#pointing-the-console-at-a-real-aws-account',
} as const

/**
 * `local-token` is the sign-in of `npm start -- --aws` on a laptop: one random token the launcher prints. It is
 * accepted only with the token's hash and a loopback bind address, both of which only that launcher path sets.
 */
export const consoleAuthModes = ['sandbox', 'oidc', 'local-token'] as const

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  AWS_REGION: z.preprocess(emptyAsUndefined, regionCode.default('us-west-2')),
  AWS_PROFILE: z.preprocess(emptyAsUndefined, z.string().optional()),
  AWS_ENDPOINT_URL: z.preprocess(emptyAsUndefined, z.url('must be a URL such as http://127.0.0.1:4566').optional()),
  CONSOLE_REGIONS: commaList.pipe(z.array(regionCode)),
  CONSOLE_AUTH: z.preprocess(
    emptyAsUndefined,
    z.enum(consoleAuthModes, 'must be sandbox or oidc (local-token is set by npm start -- --aws only)').optional(),
  ),
  CONSOLE_LOCAL_TOKEN_SHA256: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the sign-in token, as npm start -- --aws sets it')
      .optional(),
  ),
  HOST: z.preprocess(emptyAsUndefined, z.string().optional()),
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
  METRICS_TOKEN: z.preprocess(
    emptyAsUndefined,
    z.string().min(16, 'must be at least 16 characters (Prometheus sends it as a bearer token)').optional(),
  ),
  BREAK_GLASS_PRINCIPALS: commaList.pipe(
    z.array(
      z
        .string()
        .regex(
          /^[^=]+=arn:[\w-]+:iam::\d{12}:(role|user)\/\S+$/,
          'must be console-user=IAM principal ARN, e.g. alice@example.com=arn:aws:iam::111122223333:role/BreakGlassAdmin',
        ),
    ),
  ),
  ACCESS_REQUEST_WEBHOOK_URL: z.preprocess(
    emptyAsUndefined,
    z.url('must be an https:// URL such as a Slack incoming webhook').optional(),
  ),
  TIME_BOUND_MIN_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int('must be a whole number of seconds')
      .min(1, 'must be at least 1 second')
      .max(86_400, 'must be at most a day (86400)')
      .default(300),
  ),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/console')
      .optional(),
  ),
})

/** One thing wrong with the configuration: the variable, what is wrong, what fixes it, and where the README says more. */
export type EnvProblem = { variable: string; message: string; fix?: string; readme: string }

/** The console's validated configuration. */
export type ConsoleEnv = ReturnType<typeof parseEnv>

/** Thrown when the environment is invalid; the message lists every problem at once. */
export class EnvError extends Error {
  readonly problems: string[]
  constructor(readonly details: EnvProblem[]) {
    const problems = details.map((p) => `${p.variable}: ${p.message}`)
    super(`The console's configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'EnvError'
    this.problems = problems
  }
}

/** One short paragraph per problem, for a terminal or a page: what is wrong, what fixes it, the README link. */
export function describeEnvProblem(problem: EnvProblem): string {
  const fix = problem.fix ? ` ${problem.fix}` : ''
  return `${problem.variable}: ${problem.message}.${fix} See ${problem.readme}.`
}

/** Whether a bind address or URL host is this machine's loopback interface only. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare)
}

const schemaFixes: Record<string, string> = {
  CONSOLE_REGIONS: 'List region codes separated by commas, e.g. CONSOLE_REGIONS=us-west-2,eu-west-1.',
  AWS_REGION: 'Set AWS_REGION to a region code, e.g. AWS_REGION=us-west-2.',
}

function semanticProblems(raw: z.infer<typeof rawEnvSchema>): EnvProblem[] {
  const production = raw.NODE_ENV === 'production'
  const problems: EnvProblem[] = []
  const section = readmeSections.configuration
  const auth = raw.CONSOLE_AUTH ?? (production ? undefined : 'sandbox')
  // Sandbox sign-in has well-known passwords: a production server must choose its sign-in explicitly.
  if (!auth) {
    problems.push({
      variable: 'CONSOLE_AUTH',
      message: 'required in production (sandbox or oidc); it chooses how people sign in to the console',
      fix: 'Set CONSOLE_AUTH=oidc with your identity provider, or use `npm start` (sandbox) or `npm start -- --aws` (your AWS account, signed in with a printed token).',
      readme: readmeSections.realAccount,
    })
  }
  if (production && !raw.NEXTAUTH_SECRET) {
    problems.push({
      variable: 'NEXTAUTH_SECRET',
      message: 'required in production (it signs the session cookies)',
      fix: 'Set NEXTAUTH_SECRET=$(openssl rand -base64 32); `npm start` creates one for you.',
      readme: section,
    })
  }
  // Sandbox sign-in with OIDC_ISSUER set also offers single sign-on (npm start points it at the sandbox's issuer):
  // a half-configured IdP is reported, not silently dropped.
  if (auth === 'oidc' || (auth === 'sandbox' && raw.OIDC_ISSUER)) {
    const when = auth === 'oidc' ? 'CONSOLE_AUTH=oidc' : 'OIDC_ISSUER is set (single sign-on beside the sandbox users)'
    for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
      if (!raw[name])
        problems.push({
          variable: name,
          message: `required when ${when}`,
          fix: `Set ${name} from your identity provider's client registration.`,
          readme: readmeSections.realAccount,
        })
    }
    const groupCount =
      raw.CONSOLE_ADMIN_GROUPS.length + raw.CONSOLE_EDITOR_GROUPS.length + raw.CONSOLE_VIEWER_GROUPS.length
    if (groupCount === 0) {
      problems.push({
        variable: 'CONSOLE_ADMIN_GROUPS / CONSOLE_EDITOR_GROUPS / CONSOLE_VIEWER_GROUPS',
        message: 'set at least one group, or nobody gets a console role',
        fix: 'E.g. CONSOLE_ADMIN_GROUPS=platform-admins.',
        readme: readmeSections.realAccount,
      })
    }
  }
  if (auth === 'local-token') {
    // Anyone who can reach the port and holds the token is an admin: only this machine may reach it.
    if (!raw.CONSOLE_LOCAL_TOKEN_SHA256) {
      problems.push({
        variable: 'CONSOLE_LOCAL_TOKEN_SHA256',
        message: 'CONSOLE_AUTH=local-token is the sign-in of `npm start -- --aws`, which sets this; it is not set',
        fix: 'Start with `npm start -- --aws`, or set CONSOLE_AUTH=oidc.',
        readme: readmeSections.realAccount,
      })
    }
    if (!isLoopbackHost(raw.HOST)) {
      problems.push({
        variable: 'HOST',
        message: `token sign-in serves this machine only, but the console would listen on ${raw.HOST ?? 'every address'}`,
        fix: 'Leave HOST unset with `npm start -- --aws` (it binds 127.0.0.1), or set CONSOLE_AUTH=oidc to serve others.',
        readme: readmeSections.realAccount,
      })
    }
    if (raw.NEXTAUTH_URL && !isLoopbackHost(new URL(raw.NEXTAUTH_URL).hostname)) {
      problems.push({
        variable: 'NEXTAUTH_URL',
        message: `token sign-in serves this machine only, but NEXTAUTH_URL is ${raw.NEXTAUTH_URL}`,
        fix: 'Unset NEXTAUTH_URL, or set CONSOLE_AUTH=oidc to serve others.',
        readme: readmeSections.realAccount,
      })
    }
  }
  // The scheduler looks every 15 s, so against real clusters a grant shorter than a minute would outlive its end by a
  // noticeable fraction; only the sandbox (demos and the end-to-end test) may ask for seconds.
  if (raw.TIME_BOUND_MIN_SECONDS < 60 && auth !== 'sandbox') {
    problems.push({
      variable: 'TIME_BOUND_MIN_SECONDS',
      message: `must be at least 60 outside sandbox sign-in (it is ${raw.TIME_BOUND_MIN_SECONDS})`,
      fix: 'Leave it unset (5 minutes) or set 60 or more.',
      readme: section,
    })
  }
  return problems
}

function schemaProblems(source: Record<string, string | undefined>, error: z.ZodError): EnvProblem[] {
  return error.issues.map((issue) => {
    const [name, index] = issue.path
    const item = typeof index === 'number' ? ` item ${index + 1} "${splitCommaList(source[String(name)])[index]}"` : ''
    return {
      variable: `${String(name)}${item}`,
      message: issue.message,
      fix: schemaFixes[String(name)],
      readme: readmeSections.configuration,
    }
  })
}

/**
 * Validates an environment (normally `process.env`) and derives the console's settings.
 * Throws {@link EnvError} naming every variable that is wrong, so one restart fixes them all.
 */
export function parseEnv(source: Record<string, string | undefined>) {
  const parsed = rawEnvSchema.safeParse(source)
  if (!parsed.success) throw new EnvError(schemaProblems(source, parsed.error))
  const raw = parsed.data
  const problems = semanticProblems(raw)
  if (problems.length > 0) throw new EnvError(problems)
  // Production without CONSOLE_AUTH was refused above, so the default applies outside production only.
  const auth = raw.CONSOLE_AUTH ?? 'sandbox'

  return {
    production: raw.NODE_ENV === 'production',
    awsRegion: raw.AWS_REGION,
    awsProfile: raw.AWS_PROFILE,
    awsEndpointUrl: raw.AWS_ENDPOINT_URL,
    // Default to the one region the SDK is already pointed at, so a fresh install shows something.
    consoleRegions: raw.CONSOLE_REGIONS.length > 0 ? [...new Set(raw.CONSOLE_REGIONS)] : [raw.AWS_REGION],
    consoleRegionsFromDefault: raw.CONSOLE_REGIONS.length === 0,
    authMode: auth,
    localTokenSha256: raw.CONSOLE_LOCAL_TOKEN_SHA256,
    host: raw.HOST,
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
    // /api/metrics answers only with `Authorization: Bearer <METRICS_TOKEN>`; unset, it is off (404).
    metricsToken: raw.METRICS_TOKEN,
    // The shortest time-bound grant (seconds); each cluster's maximum is set by an admin in the console.
    timeBoundMinSeconds: raw.TIME_BOUND_MIN_SECONDS,
    // Access requests and decisions are announced here (Slack-compatible `{ "text": … }`); unset: not announced.
    accessRequestWebhookUrl: raw.ACCESS_REQUEST_WEBHOOK_URL,
    // Break-glass: the IAM principal each admin (by console user name or email) may give cluster admin for an hour.
    breakGlassPrincipals: Object.fromEntries(
      raw.BREAK_GLASS_PRINCIPALS.map((item) => [
        item.slice(0, item.indexOf('=')).trim(),
        item.slice(item.indexOf('=') + 1),
      ]),
    ) as Record<string, string>,
    // PostgreSQL when DATABASE_URL is set (several console replicas share one log); otherwise a local SQLite file.
    audit: raw.DATABASE_URL
      ? { store: 'postgres' as const, databaseUrl: raw.DATABASE_URL, sqlitePath: raw.AUDIT_DB_PATH }
      : { store: 'sqlite' as const, databaseUrl: undefined, sqlitePath: raw.AUDIT_DB_PATH },
  }
}

/** Every configuration problem of `source` (empty when it is valid), without throwing. */
export function findEnvProblems(source: Record<string, string | undefined>): EnvProblem[] {
  try {
    parseEnv(source)
    return []
  } catch (error) {
    if (error instanceof EnvError) return error.details
    throw error
  }
}
