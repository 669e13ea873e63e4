// `npm start`: builds the console when its sources changed, starts the sandbox when no AWS account is configured,
// then serves the console. Ctrl-C stops everything it started.
import { spawn, type ChildProcess } from 'node:child_process'
import { parseArgs } from 'node:util'
import { decideMode, sandboxEnvironment } from './launch-mode'
import { ensureBuilt } from './ensure-built'
import { waitForUrl } from './local-server'
import { readOrCreateSecret } from './session-secret'

const { values: args } = parseArgs({
  options: {
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

async function main(): Promise<void> {
  const mode = decideMode(process.env)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  }
  const consoleUrl = `http://localhost:${args.port}`
  env.NEXTAUTH_URL ??= consoleUrl
  env.NEXTAUTH_SECRET ??= readOrCreateSecret(args['state-dir'])

  if (!args['skip-build']) await ensureBuilt(env)

  if (mode.kind === 'sandbox') {
    Object.assign(env, sandboxEnvironment(args['sandbox-port'], process.env))
    const sandboxArgs = ['sandbox/main.ts', '--port', args['sandbox-port'], '--state-dir', args['state-dir']]
    if (args.reset) sandboxArgs.push('--reset')
    run(process.execPath, [require.resolve('tsx/cli'), ...sandboxArgs], env)
    await waitForUrl(`http://127.0.0.1:${args['sandbox-port']}/_sandbox/health`, 60_000)
  } else {
    console.log(`Using your AWS configuration (${mode.reason}); the sandbox is not started.`)
  }

  run(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '--port', args.port], env)
  await waitForUrl(`${consoleUrl}/signin`, 60_000)
  console.log(`\n  EKS Access Console: ${consoleUrl}`)
  if (mode.kind === 'sandbox') {
    console.log(`  Sandbox AWS endpoint: http://127.0.0.1:${args['sandbox-port']} (account 111122223333)`)
    console.log('  Sign in as admin, editor or viewer; the password is "sandbox".')
  }
  console.log('  Press Ctrl-C to stop.\n')
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  void stopAll(1)
})
