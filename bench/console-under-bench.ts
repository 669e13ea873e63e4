// The built console (next start) beside a sandbox, each its own process as in production, and a headless Chromium
// signed in as the sandbox admin: what the browser benchmarks measure against.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext } from '@playwright/test'

import { chromiumArgs, chromiumExecutablePath } from '../scripts/chromium'
import { ensureBuilt } from '../scripts/ensure-built'
import { sandboxEnvironment } from '../scripts/launch-mode'
import { findFreePorts, waitForUrl } from '../scripts/local-server'

export type ConsoleUnderBench = {
  consoleUrl: string
  sandboxUrl: string
  browser: Browser
  /** A fresh browser context (empty cache) holding the admin's session cookie. */
  signedInContext: () => Promise<BrowserContext>
  /** The console's and the sandbox's process ids, for their CPU (process-cpu.ts). */
  processIds: { console: number; sandbox: number }
  stop: () => Promise<void>
}

function stopChild(child: ChildProcess): Promise<unknown> {
  child.kill('SIGTERM')
  return new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
}

/** Builds the console if stale, starts the sandbox (`large` adds the 100,000-Pod `scale` cluster) and the console. */
export async function startConsoleUnderBench(options: {
  scale: 'default' | 'large'
  chromiumExtraArgs?: string[]
  /** Node.js flags for the console's server process, e.g. `--cpu-prof` to see where its time goes. */
  consoleNodeArgs?: string[]
}): Promise<ConsoleUnderBench> {
  const stateDir = await mkdtemp(join(tmpdir(), 'bench-console-'))
  // The sandbox listens on its port and the next one (its Kubernetes API).
  const sandboxPort = await findFreePorts(2)
  const consolePort = await findFreePorts(1, [sandboxPort, sandboxPort + 1])
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`
  const consoleUrl = `http://127.0.0.1:${consolePort}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...sandboxEnvironment(String(sandboxPort), {}),
    NEXTAUTH_URL: consoleUrl,
    NEXTAUTH_SECRET: 'bench-secret-0123456789abcdef',
    NEXT_TELEMETRY_DISABLED: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  }
  ensureBuilt(env)
  const tsx = require.resolve('tsx/cli')
  const children = [
    spawn(
      process.execPath,
      [tsx, 'sandbox/main.ts', '--port', String(sandboxPort), '--state-dir', stateDir, '--reset'],
      {
        env: { ...env, SANDBOX_SCALE: options.scale },
        stdio: 'ignore',
      },
    ),
  ]
  const browser = await chromium.launch({
    executablePath: chromiumExecutablePath,
    args: [...chromiumArgs, ...(options.chromiumExtraArgs ?? [])],
  })
  const stop = async () => {
    await browser.close()
    for (const child of children.reverse()) await stopChild(child)
    await rm(stateDir, { recursive: true, force: true })
  }
  try {
    await waitForUrl(`${sandboxUrl}/_sandbox/health`, 120_000)
    children.push(
      // The production server, as `npm run serve` and the image run it.
      spawn(process.execPath, [...(options.consoleNodeArgs ?? []), 'scripts/serve-standalone.mjs'], {
        env: { ...env, PORT: String(consolePort), HOST: '127.0.0.1' },
        stdio: 'ignore',
      }),
    )
    await waitForUrl(`${consoleUrl}/signin`, 60_000)
    const signIn = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await signIn.newPage()
    await page.goto(`${consoleUrl}/signin`)
    await page.getByLabel('Username').fill('admin')
    await page.getByLabel('Password').fill('sandbox')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL(/\/clusters/)
    const cookies = await signIn.cookies()
    await signIn.close()
    const signedInContext = async () => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      await context.addCookies(cookies)
      return context
    }
    const processIds = { sandbox: children[0]!.pid!, console: children[1]!.pid! }
    return { consoleUrl, sandboxUrl, browser, signedInContext, processIds, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
