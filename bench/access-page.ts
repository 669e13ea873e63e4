// The access page's data for the `scale` cluster (1,000 entries, 1–3 policies each) with 50 ms injected on every
// sandbox call: sequential calls would take ~100 s (2,000 Describe/ListAssociated calls); the target is ≤ 3 s.
// The sandbox runs as its own process, as it does beside a real console, so its CPU does not count against ours.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { findFreePort, waitForUrl } from '../scripts/local-server'
import type { BenchFigure, Benchmark } from './bench-types'

const LATENCY_MS = 50

export const benchmark: Benchmark = {
  name: 'Access page data (scale cluster: 1,000 entries, 50 ms latency)',
  async run(): Promise<BenchFigure[]> {
    const stateDir = await mkdtemp(join(tmpdir(), 'bench-access-'))
    const port = await findFreePort()
    const url = `http://127.0.0.1:${port}`
    const child = spawn(
      process.execPath,
      [require.resolve('tsx/cli'), 'sandbox/main.ts', '--port', String(port), '--state-dir', stateDir, '--reset'],
      { env: { ...process.env, SANDBOX_SCALE: 'large' }, stdio: 'ignore' },
    )
    try {
      await waitForUrl(`${url}/_sandbox/health`, 60_000, { requireOk: true, server: child })
      process.env.AWS_ENDPOINT_URL = url
      process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
      process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
      process.env.AWS_REGION = 'us-west-2'
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
      // lib/aws modules guard against client bundles with `import 'server-only'`, which throws outside Next's server
      // build; stand in its empty export (what the react-server condition resolves to).
      const localRequire = createRequire(__filename)
      localRequire.cache[localRequire.resolve('server-only')] = { exports: {} } as NodeJS.Module
      const { loadAccessEntriesPage } = await import('@/lib/access/server/list-access-entries')
      const faults = { faults: [{ service: '*', kind: 'latency', latencyMs: LATENCY_MS }] }
      await fetch(`${url}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify(faults) })

      const coldStart = performance.now()
      const cold = await loadAccessEntriesPage('us-west-2', 'scale', { fresh: true })
      const coldMs = performance.now() - coldStart
      const warmStart = performance.now()
      await loadAccessEntriesPage('us-west-2', 'scale')
      const warmMs = performance.now() - warmStart
      return [
        { label: 'entries loaded', value: cold.entries.length, unit: 'count' },
        { label: 'cold load (every entry described)', value: coldMs / 1000, unit: 's', target: 3 },
        { label: 'warm load (details from the cache)', value: warmMs / 1000, unit: 's', target: 1 },
      ]
    } finally {
      child.kill('SIGTERM')
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
      await rm(stateDir, { recursive: true, force: true })
    }
  },
}
