// A sandbox with the large world (SANDBOX_SCALE=large: the `scale` cluster, 1,000 entries, the IAM roles
// scale-dev-0001…) in its own process, as it runs beside a real console, so its CPU does not count against the
// console code this process then calls in-process through lib/.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { findFreePorts, waitForUrl } from '../scripts/local-server'

export type ScaleSandbox = { url: string; stateDir: string; stop: () => Promise<void> }

/**
 * Starts the sandbox and points this process's AWS SDK at it with the seeded admin's keys (the audit store in the
 * sandbox's state folder). lib/ modules guard against client bundles with `import 'server-only'`, which throws
 * outside Next's server build: its empty export (what the react-server condition resolves to) stands in.
 */
export async function startScaleSandbox(name: string): Promise<ScaleSandbox> {
  const stateDir = await mkdtemp(join(tmpdir(), `bench-${name}-`))
  const port = await findFreePorts(2) // and the next one: its Kubernetes API
  const url = `http://127.0.0.1:${port}`
  const child = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), 'sandbox/main.ts', '--port', String(port), '--state-dir', stateDir, '--reset'],
    { env: { ...process.env, SANDBOX_SCALE: 'large' }, stdio: 'ignore' },
  )
  const stop = async () => {
    child.kill('SIGTERM')
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
    await rm(stateDir, { recursive: true, force: true })
  }
  try {
    await waitForUrl(`${url}/_sandbox/health`, 60_000, { requireOk: true, server: child })
  } catch (error) {
    await stop()
    throw error
  }
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_REGION: 'us-west-2',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AUDIT_DB_PATH: join(stateDir, 'audit.sqlite'),
  })
  const localRequire = createRequire(__filename)
  localRequire.cache[localRequire.resolve('server-only')] = { exports: {} } as NodeJS.Module
  return { url, stateDir, stop }
}
