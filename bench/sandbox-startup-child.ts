// Child process of bench/sandbox-startup.ts: starts one fresh sandbox (seeded, not loaded from disk) at the scale given
// as argv[2] in its own process, so the memory figure is the sandbox's alone, and prints the figures as JSON.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { startSandbox } from '../sandbox/start-sandbox'

async function main(): Promise<void> {
  const scale = process.argv[2] === 'large' ? 'large' : 'default'
  const stateDir = await mkdtemp(join(tmpdir(), 'bench-sandbox-'))
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  const sandbox = await startSandbox({ port: 0, stateDir, scale, fresh: true })
  const health = await fetch(`${sandbox.url}/_sandbox/health`)
  if (!health.ok) throw new Error(`health answered ${health.status}`)
  const startMs = performance.now() - start
  const cpu = process.cpuUsage(cpuStart)
  global.gc?.()
  const { rss, heapUsed } = process.memoryUsage()
  const largeClusterMs = sandbox.kube.largeClusterMs
  await sandbox.close()
  await rm(stateDir, { recursive: true, force: true })
  process.stdout.write(
    `${JSON.stringify({ startMs, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: rss / 1e6, heapMb: heapUsed / 1e6, largeClusterMs })}\n`,
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
