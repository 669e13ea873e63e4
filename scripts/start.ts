// `npm start`: checks the configuration, builds the console when its sources changed, starts the sandbox (or, with
// `--aws`, checks the person's AWS credentials), then serves the console. Ctrl-C stops everything it started.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { parseArgs } from 'node:util'

import { describeEnvProblem, findEnvProblems, parseEnv, type EnvProblem } from '@/lib/env-schema'

import { checkAwsAccess } from './aws-access-check'
import { ensureBuilt } from './ensure-built'
import { consoleStorePath, decideLaunch, findAwsConfiguration, sandboxEnvironment } from './launch-mode'
import { waitForUrl } from './local-server'
import { sandboxSsoEnvironment, writeSandboxCaBundle } from './sandbox-sso'
import { readOrCreateSecret } from './session-secret'

// `--aws` calls STS and EKS from this process; the SDK's Node 20 notice would bury the lines that matter.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const { values: args } = parseArgs({
  options: {
    aws: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'sandbox-port': { type: 'string', default: process.env.SANDBOX_PORT ?? '4566' },
    'state-dir': { type: 'string', default: process.env.SANDBOX_STATE_DIR ?? '.sandbox' },
    reset: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
})

const children: ChildProcess[] = []

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env })
  children.push(child)
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`\n${command} ${commandArgs[0] ?? ''} exited (${signal ?? code}); stopping.`)
      void stopAll(code ?? 1)
    }
  })
  return child
}

let stopping = false
async function stopAll(exitCode: number): Promise<void> {
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((resolve) => c.once('exit', resolve)) : undefined)),
  )
  process.exit(exitCode)
}
process.on('SIGINT', () => void stopAll(0))
process.on('SIGTERM', () => void stopAll(0))

/** Configuration errors end the launcher before anything starts: one paragraph each, no stack trace. */
function exitWithProblems(problems: EnvProblem[]): never {
  console.error(`npm start: the configuration is invalid; nothing was started.\n`)
  for (const problem of problems) console.error(`${describeEnvProblem(problem)}\n`)
  process.exit(1)
}

// A wildcard bind address is not something to dial; the console is then reached on loopback like any other.
const dialHost = (host: string) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host)
const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host)

async function main(): Promise<void> {
  const plan = decideLaunch(process.env, { aws: args.aws })
  if (plan.kind === 'invalid') exitWithProblems(plan.problems)
  const dial = urlHost(dialHost(plan.host))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: plan.host,
    NEXT_TELEMETRY_DISABLED: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  }
  const consoleUrl = `http://${dial === '127.0.0.1' ? 'localhost' : dial}:${args.port}`
  env.NEXTAUTH_URL ??= consoleUrl
  if (plan.kind === 'sandbox') Object.assign(env, sandboxEnvironment(args['sandbox-port'], process.env, dial))
  // Sandbox sign-in also offers SSO through the sandbox's OIDC issuer (unless OIDC_* name another IdP).
  const sandboxSso =
    plan.kind === 'sandbox' && env.CONSOLE_AUTH === 'sandbox'
      ? sandboxSsoEnvironment(args['sandbox-port'], process.env, dial)
      : {}
  Object.assign(env, sandboxSso)
  // The token never reaches the server: it gets the SHA-256, and the terminal alone shows the token.
  const token = plan.kind === 'aws' && plan.auth === 'local-token' ? randomBytes(32).toString('base64url') : undefined
  if (token) {
    env.CONSOLE_AUTH = 'local-token'
    env.CONSOLE_LOCAL_TOKEN_SHA256 = createHash('sha256').update(token, 'utf8').digest('hex')
  }
  // The same rules the server applies (next start runs it in production mode), checked before anything starts.
  const problems = findEnvProblems({
    ...env,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? 'x'.repeat(32),
    NODE_ENV: 'production',
  })
  if (problems.length > 0) exitWithProblems(problems)
  env.NEXTAUTH_SECRET ??= readOrCreateSecret(args['state-dir'])

  if (plan.kind === 'sandbox') {
    if (plan.notice) console.log(plan.notice)
  } else {
    const config = parseEnv({ ...env, NODE_ENV: 'production' })
    const report = await checkAwsAccess({
      region: config.awsRegion,
      regions: config.consoleRegions,
      profile: config.awsProfile,
      endpoint: config.awsEndpointUrl,
    })
    if (!report.ok) {
      console.error(
        `npm start -- --aws: ${report.problem}\nNothing was started. See README.md#pointing-the-console-at-a-real-aws-account.`,
      )
      process.exit(1)
    }
    const found = findAwsConfiguration(process.env) ?? "the SDK's default credential chain"
    console.log(`The console will act as ${report.arn} (account ${report.account}; ${found}).`)
    for (const region of report.regions) {
      console.log(
        `  ${region.region}: ${region.problem ?? `${region.clusters} cluster${region.clusters === 1 ? '' : 's'}`}`,
      )
    }
    if (report.regions.every((region) => region.problem)) {
      console.error(
        'No configured region answered eks:ListClusters; nothing was started. Set CONSOLE_REGIONS or fix the permissions above.',
      )
      process.exit(1)
    }
  }

  if (!args['skip-build']) ensureBuilt(env)

  if (plan.kind === 'sandbox') {
    const sandboxArgs = ['sandbox/main.ts', '--port', args['sandbox-port'], '--host', plan.host]
    sandboxArgs.push('--state-dir', args['state-dir'])
    if (args.reset) sandboxArgs.push('--reset')
    run(process.execPath, [require.resolve('tsx/cli'), ...sandboxArgs], env)
    await waitForUrl(`http://${dial}:${args['sandbox-port']}/_sandbox/health`, 60_000)
  }

  const store = consoleStorePath(plan, env, args['state-dir'])
  // A reset sandbox world starts with an empty log and no grants to revoke, like the world itself.
  if (args.reset && store.owned)
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${store.path}${suffix}`, { force: true })
  // The console's server talks to the sandbox issuer over HTTPS signed by the sandbox CA (written by now).
  const consoleEnv = {
    ...(sandboxSso.OIDC_ISSUER ? { ...env, ...writeSandboxCaBundle(args['state-dir'], env) } : env),
    PORT: args.port,
    HOST: plan.host,
    AUDIT_DB_PATH: store.path,
  }
  // The production server (Next's standalone output), exactly as `npm run serve` and the container image run it.
  run(process.execPath, ['scripts/serve-standalone.mjs'], consoleEnv)
  await waitForUrl(`http://${dial}:${args.port}/signin`, 60_000)
  console.log(`\n  EKS Access Console: ${consoleUrl}${plan.host === '127.0.0.1' ? ' (this machine only)' : ''}`)
  if (plan.kind === 'sandbox') {
    console.log(`  Sandbox AWS endpoint: http://${dial}:${args['sandbox-port']} (account 111122223333)`)
    console.log('  Sign in as admin, editor or viewer; the password is "sandbox".')
    if (sandboxSso.OIDC_ISSUER)
      console.log(
        '  Or single sign-on: alice@example.com / alice-sandbox (admin), dev@example.com / dev-sandbox (editor).',
      )
  } else if (token) {
    console.log(`  Sign in (once; restart for a new link): ${env.NEXTAUTH_URL}/signin#token=${token}`)
  }
  console.log('  Press Ctrl-C to stop.\n')
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  void stopAll(1)
})
