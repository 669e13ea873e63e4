// Child process of bench/sandbox-startup.ts: starts one sandbox at the scale given as argv[2] on the state dir argv[3],
// fresh from the seed (argv[4] = `fresh`: new CA and keys, every cluster built) or from the state a previous child
// saved there (`restart`), in its own process, so the memory figure is the sandbox's alone. Prints the figures as JSON.
import { startSandbox } from '../sandbox/start-sandbox'

async function main(): Promise<void> {
  const scale = process.argv[2] === 'large' ? 'large' : 'default'
  const stateDir = process.argv[3]
  if (!stateDir) throw new Error('usage: sandbox-startup-child.ts <scale> <stateDir> <fresh|restart>')
  const fresh = process.argv[4] !== 'restart'
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  const sandbox = await startSandbox({ port: 0, stateDir, scale, fresh })
  const health = await fetch(`${sandbox.url}/_sandbox/health`)
  if (!health.ok) throw new Error(`health answered ${health.status}`)
  const startMs = performance.now() - start
  const cpu = process.cpuUsage(cpuStart)
  // Since the process began (performance.now() counts from its time origin): Node, tsx and the modules' load too.
  const processMs = performance.now()
  const processCpu = process.cpuUsage()
  global.gc?.()
  const { rss, heapUsed } = process.memoryUsage()
  const largeClusterMs = sandbox.kube.largeClusterMs
  await sandbox.close()
  const ms = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000
  process.stdout.write(
    `${JSON.stringify({ startMs, cpuMs: ms(cpu), processMs, processCpuMs: ms(processCpu), rssMb: rss / 1e6, heapMb: heapUsed / 1e6, largeClusterMs })}\n`,
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
