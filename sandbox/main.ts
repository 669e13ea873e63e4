import { resolve } from 'node:path'

import { ACCOUNT_ID, ADMIN_ACCESS_KEY, USER_ACCESS_KEYS } from './core/seed-constants'
import { listClusters } from './eks/state'
import { startSandbox } from './start-sandbox'

interface CliOptions {
  port: number
  host: string
  stateDir: string
  reset: boolean
  resetOnly: boolean
}

function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = {
    port: 4566,
    host: '127.0.0.1',
    stateDir: resolve('.sandbox'),
    reset: false,
    resetOnly: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const next = (): string => {
      const value = argv[++i]
      if (value === undefined) throw new Error(`${arg} needs a value`)
      return value
    }
    if (arg === '--port') opts.port = Number(next())
    else if (arg === '--host') opts.host = next()
    else if (arg === '--state-dir') opts.stateDir = resolve(next())
    else if (arg === '--reset') opts.reset = true
    else if (arg === '--reset-only') opts.resetOnly = true
    else
      throw new Error(
        `unknown argument ${arg} (usage: sandbox/main.ts [--port 4566] [--host 127.0.0.1] [--reset] [--reset-only] [--state-dir DIR])`,
      )
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port must be 0-65535')
  return opts
}

/** Reads SANDBOX_SCALE: `large` adds the scale cluster; anything else is the default world. */
function readScale(): 'default' | 'large' {
  return process.env.SANDBOX_SCALE === 'large' ? 'large' : 'default'
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2))
  const scale = readScale()
  if (opts.resetOnly) {
    // Seed fresh state on a free port and stop: the next start finds the seed on disk.
    const sandbox = await startSandbox({ port: 0, host: opts.host, stateDir: opts.stateDir, scale, fresh: true })
    await sandbox.close()
    process.stdout.write(`Sandbox state in ${opts.stateDir} reset to the seed.\n`)
    return
  }
  const sandbox = await startSandbox({
    port: opts.port,
    host: opts.host,
    stateDir: opts.stateDir,
    scale,
    fresh: opts.reset,
  })
  const users = Object.entries(USER_ACCESS_KEYS)
    .map(([name, key]) => `    ${name.padEnd(6)} ${key.accessKeyId} / ${key.secretAccessKey}`)
    .join('\n')
  process.stdout.write(
    [
      `AWS sandbox (EKS, IAM, STS) listening on ${sandbox.url}  [scale=${scale}, state=${opts.stateDir}]`,
      `  Kubernetes API, each cluster on its own port (DescribeCluster's endpoint; CA in ${opts.stateDir}/kube-tls/ca.crt):`,
      ...listClusters(sandbox.world.eks).map((c) => `    ${`${c.region}/${c.name}`.padEnd(24)} ${c.endpoint}`),
      `  account ${ACCOUNT_ID}; admin credentials:`,
      `    export AWS_ENDPOINT_URL=${sandbox.url} AWS_DEFAULT_REGION=us-west-2`,
      `    export AWS_ACCESS_KEY_ID=${ADMIN_ACCESS_KEY.accessKeyId} AWS_SECRET_ACCESS_KEY=${ADMIN_ACCESS_KEY.secretAccessKey}`,
      `  other users (access key / secret):`,
      users,
      `  admin API: GET ${sandbox.url}/_sandbox/health, PUT|DELETE /_sandbox/faults, POST /_sandbox/reset`,
      `  OIDC issuers: ${sandbox.kube.oidc.issuers.map((i) => i.issuerUrl()).join(', ')} (people: README "The sandbox")`,
      '',
    ].join('\n'),
  )
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    process.stdout.write(`\n${signal}: saving state and stopping the sandbox…\n`)
    sandbox.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`sandbox: error while stopping: ${String(e)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((e: unknown) => {
  process.stderr.write(`sandbox: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
