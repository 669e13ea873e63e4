import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

import { isLoopbackHost, readmeSections, type EnvProblem } from '@/lib/env-schema'

/**
 * What `npm start` runs. The sandbox unless `--aws` is given, whatever credentials the shell holds (`notice` then
 * names them in one line); with `--aws`, the person's AWS account, signed in through OIDC when CONSOLE_AUTH=oidc and
 * otherwise through a token the launcher prints (loopback only).
 */
export type LaunchPlan =
  | { kind: 'sandbox'; host: string; notice?: string }
  | { kind: 'aws'; host: string; auth: 'oidc' | 'local-token' }
  | { kind: 'invalid'; problems: EnvProblem[] }

// Where the SDK's default credential chain finds credentials, in its order, and how to name each for a person.
const credentialVariables: Array<[string, (value: string) => string]> = [
  ['AWS_ACCESS_KEY_ID', () => 'access keys in AWS_ACCESS_KEY_ID'],
  ['AWS_PROFILE', (value) => `profile "${value}" (AWS_PROFILE)`],
  ['AWS_WEB_IDENTITY_TOKEN_FILE', () => 'a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)'],
  ['AWS_CONTAINER_CREDENTIALS_FULL_URI', () => 'container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI)'],
  ['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', () => 'container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)'],
  ['AWS_ENDPOINT_URL', (value) => `an AWS endpoint (AWS_ENDPOINT_URL=${value})`],
]

/** Names the AWS credentials or configuration the shell holds (env, AWS_PROFILE, ~/.aws files, SSO), if any. */
export function findAwsConfiguration(env: Record<string, string | undefined>, home = homedir()): string | undefined {
  for (const [name, describe] of credentialVariables) {
    const value = env[name]
    if (value) return describe(value)
  }
  const credentials = env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials')
  const config = env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config')
  if (existsSync(config) && /^\s*sso_(start_url|session)\s*=/m.test(readFileSync(config, 'utf8'))) {
    return `AWS IAM Identity Center (SSO) profiles in ${config}`
  }
  if (existsSync(credentials)) return `credentials in ${credentials}`
  if (existsSync(config)) return `a configuration in ${config}`
  return undefined
}

function problem(variable: string, message: string, fix: string): EnvProblem {
  return { variable, message, fix, readme: readmeSections.realAccount }
}

/** Decides what `npm start` runs from the environment and whether `--aws` was passed; see {@link LaunchPlan}. */
export function decideLaunch(
  env: Record<string, string | undefined>,
  flags: { aws: boolean },
  home = homedir(),
): LaunchPlan {
  const problems: EnvProblem[] = []
  // The old switch would now be ignored silently, starting the sandbox where someone expects their account.
  if (env.CONSOLE_SANDBOX) {
    problems.push(
      problem(
        'CONSOLE_SANDBOX',
        'is no longer read: `npm start` runs the sandbox, `npm start -- --aws` your AWS account',
        'Remove CONSOLE_SANDBOX; add `-- --aws` to use your AWS credentials.',
      ),
    )
  }
  // Binding beyond this machine is a choice: HOST says it (e.g. HOST=0.0.0.0 in a container).
  const host = env.HOST || '127.0.0.1'
  const auth = env.CONSOLE_AUTH || undefined
  if (!flags.aws) {
    if (auth === 'local-token') {
      problems.push(
        problem('CONSOLE_AUTH', 'local-token is the sign-in of `npm start -- --aws` only', 'Unset CONSOLE_AUTH.'),
      )
    }
    if (problems.length > 0) return { kind: 'invalid', problems }
    const found = findAwsConfiguration(env, home)
    const notice = found
      ? `Found ${found}; the console runs on the sandbox. To use your AWS account instead: npm start -- --aws`
      : undefined
    return { kind: 'sandbox', host, notice }
  }
  if (auth === 'sandbox') {
    problems.push(
      problem(
        'CONSOLE_AUTH',
        'sandbox sign-in has well-known passwords and must not guard a real AWS account',
        'Unset CONSOLE_AUTH to sign in with the token `npm start -- --aws` prints, or set CONSOLE_AUTH=oidc.',
      ),
    )
  }
  if (auth !== 'oidc' && !isLoopbackHost(host)) {
    problems.push(
      problem(
        'HOST',
        `token sign-in serves this machine only, but HOST=${host} would let other machines reach it`,
        'Unset HOST (the console then binds 127.0.0.1), or set CONSOLE_AUTH=oidc to serve others.',
      ),
    )
  }
  if (problems.length > 0) return { kind: 'invalid', problems }
  return { kind: 'aws', host, auth: auth === 'oidc' ? 'oidc' : 'local-token' }
}

/**
 * The variables that point the console's SDK clients and sign-in at a sandbox on `port`; set regions and sign-in
 * win. The person's own credential settings are removed (undefined): the SDK prefers AWS_PROFILE over keys, and a
 * session token would be sent along with the sandbox's keys.
 */
export function sandboxEnvironment(
  port: string,
  env: Record<string, string | undefined>,
  host = '127.0.0.1',
): Record<string, string | undefined> {
  return {
    AWS_PROFILE: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
    AWS_ENDPOINT_URL: `http://${host}:${port}`,
    // The AWS documentation's example key pair: the sandbox's `admin` user, creator of every sandbox cluster.
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_REGION: env.AWS_REGION ?? 'us-west-2',
    CONSOLE_REGIONS: env.CONSOLE_REGIONS ?? 'us-west-2,eu-west-1',
    CONSOLE_AUTH: env.CONSOLE_AUTH ?? 'sandbox',
    // Break-glass in the sandbox: its admin user may make the seeded BreakGlassAdmin role cluster admin for an hour.
    BREAK_GLASS_PRINCIPALS:
      env.BREAK_GLASS_PRINCIPALS ?? 'Sandbox Admin=arn:aws:iam::111122223333:role/BreakGlassAdmin',
  }
}

/**
 * Where the console keeps its SQLite store (audit log, access requests, time-bound grants) when DATABASE_URL is unset,
 * as an absolute path: the standalone server runs in .next/standalone, where a relative path would land (and go with
 * the next build). AUDIT_DB_PATH wins. With the sandbox the store belongs to the sandbox's world and lives in its state
 * folder: a store shared between two worlds (e2e's and a developer's `npm start`) would show one world's audit log in
 * the other and have its console revoke time-bound grants the other never made. `owned` says the launcher chose it
 * (and may start it afresh with the sandbox's --reset).
 */
export function consoleStorePath(
  plan: { kind: 'sandbox' | 'aws' },
  env: Record<string, string | undefined>,
  stateDir: string,
): { path: string; owned: boolean } {
  if (env.AUDIT_DB_PATH) return { path: resolve(env.AUDIT_DB_PATH), owned: false }
  if (plan.kind === 'sandbox') return { path: resolve(stateDir, 'audit.sqlite'), owned: true }
  return { path: resolve('.data/audit.sqlite'), owned: false }
}
