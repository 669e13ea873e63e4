// First run on a machine that already has AWS credentials: the real launcher, started as a person would, next to
// the suite's own server. Each test starts its own servers on free ports; the build is the one the suite made.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'

import { ADMIN_ACCESS_KEY } from '../sandbox/core/seed-constants'
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox'
import { findFreePort, findFreePorts } from '../scripts/local-server'
import { expect, test } from './fixtures'
import { connectOutcome, launch, nonLoopbackAddresses, type LaunchedProcess } from './launcher-process'
import { ClustersPage } from './pages/clusters-page'
import { SignInPage } from './pages/sign-in-page'

const tsx = require.resolve('tsx/cli')
const fakeKeys = {
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
  AWS_SECRET_ACCESS_KEY: 'fake/secret',
  AWS_REGION: 'us-west-2',
}

let scratch: string
let launched: LaunchedProcess[] = []
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'first-run-'))
})
/** Closes the page first (it polls the console, and must not log a stopped server's refusals), then the servers. */
async function stopAll(page: Page) {
  await page.close()
  await Promise.all(launched.map((started) => started.stop()))
  launched = []
}
test.afterEach(async ({ page }) => {
  await stopAll(page)
  rmSync(scratch, { recursive: true, force: true })
})

/** `npm start` with `args`, in a home without ~/.aws and with only `env` set (state and audit in scratch). */
async function startLauncher(args: string[], env: Record<string, string>) {
  // The sandbox takes its port and the next one (its Kubernetes API); the console's port must be neither.
  const sandboxPort = await findFreePorts(2)
  const port = await findFreePorts(1, [sandboxPort, sandboxPort + 1])
  const launcher = launch(
    [tsx, 'scripts/start.ts', '--port', String(port), '--sandbox-port', String(sandboxPort), ...args],
    { HOME: scratch, SANDBOX_STATE_DIR: join(scratch, 'state'), AUDIT_DB_PATH: join(scratch, 'audit.sqlite'), ...env },
  )
  launched.push(launcher)
  return { launcher, port, sandboxPort }
}

test.describe.configure({ timeout: 180_000 })

test('with AWS keys in the environment, npm start runs the sandbox on loopback only and says how to use the keys', async ({
  page,
}) => {
  const { launcher, port, sandboxPort } = await startLauncher([], fakeKeys)
  await launcher.waitFor(/Press Ctrl-C/)
  expect(launcher.output()).toContain(
    'Found access keys in AWS_ACCESS_KEY_ID; the console runs on the sandbox. To use your AWS account instead: npm start -- --aws',
  )
  expect(launcher.output()).not.toMatch(/\n\s+at /)

  // Console, sandbox AWS endpoint and the sandbox's Kubernetes API (the next port) answer on loopback only.
  const addresses = nonLoopbackAddresses()
  expect(addresses.length, 'this machine has a non-loopback address to try').toBeGreaterThan(0)
  for (const port_ of [port, sandboxPort, sandboxPort + 1]) {
    expect(await connectOutcome('127.0.0.1', port_)).toBe('connected')
    for (const address of addresses)
      expect(`${address}:${port_} ${await connectOutcome(address, port_)}`).toBe(`${address}:${port_} ECONNREFUSED`)
  }

  const signIn = new SignInPage(page)
  await page.goto(`http://localhost:${port}/signin`)
  await signIn.signIn('admin', 'sandbox')
  await expect(new ClustersPage(page).row('prod-web')).toContainText('us-west-2')
})

test.describe('npm start -- --aws against the sandbox standing in for an account', () => {
  // The refused second use of the link is a 401 from next-auth's credentials callback, logged by Chromium.
  test.use({ allowConsoleErrors: [/401/] })
  let account: RunningSandbox
  test.beforeEach(async () => {
    account = await startSandbox({ port: 0, stateDir: join(scratch, 'account'), fresh: true })
  })
  test.afterEach(async ({ page }) => {
    await stopAll(page)
    await account.close()
  })

  test('prints who it acts as and a sign-in link that works once', async ({ page, browser }) => {
    const { launcher, port } = await startLauncher(['--aws'], {
      AWS_ENDPOINT_URL: account.url,
      AWS_ACCESS_KEY_ID: ADMIN_ACCESS_KEY.accessKeyId,
      AWS_SECRET_ACCESS_KEY: ADMIN_ACCESS_KEY.secretAccessKey,
      AWS_REGION: 'us-west-2',
      CONSOLE_REGIONS: 'us-west-2,eu-west-1',
    })
    const [, link] = await launcher.waitFor(/Sign in \(once; restart for a new link\): (\S+)/)
    await launcher.waitFor(/Press Ctrl-C/)
    expect(launcher.output()).toContain('The console will act as arn:aws:iam::111122223333:user/admin')
    expect(launcher.output()).toMatch(/us-west-2: 3 clusters/)
    expect(link).toMatch(new RegExp(`^http://localhost:${port}/signin#token=[\\w-]{43}$`))
    for (const address of nonLoopbackAddresses()) expect(await connectOutcome(address, port)).toBe('ECONNREFUSED')

    await page.goto(link!)
    await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible()
    await expect(page.getByRole('banner')).toContainText('console role: admin')
    await expect(new ClustersPage(page).row('prod-web')).toContainText('us-west-2')

    const other = await browser.newPage()
    await other.goto(link!)
    await expect(new SignInPage(other).alert()).toContainText('already used')
    await other.goto(`http://localhost:${port}/clusters`)
    await expect(other).toHaveURL(/\/signin\?callbackUrl=%2Fclusters/)
    await other.close()
  })
})

test('a configuration error stops npm start with the fix, a non-zero exit and nothing listening', async () => {
  const { launcher, port, sandboxPort } = await startLauncher([], { ...fakeKeys, CONSOLE_REGIONS: 'us-west-2,Oregon' })
  expect(await launcher.exited).toBe(1)
  expect(launcher.output()).toContain('CONSOLE_REGIONS item 2 "Oregon": must be an AWS region code such as us-west-2.')
  expect(launcher.output()).toContain('See README.md#configuration.')
  expect(launcher.output()).not.toMatch(/\n\s+at /)
  for (const port_ of [port, sandboxPort]) expect(await connectOutcome('127.0.0.1', port_)).toBe('ECONNREFUSED')

  const aws = await startLauncher(['--aws'], { ...fakeKeys, CONSOLE_AUTH: 'sandbox' })
  expect(await aws.launcher.exited).toBe(1)
  expect(aws.launcher.output()).toMatch(/^CONSOLE_AUTH: sandbox sign-in has well-known passwords/m)
})

test('a server started without the launcher explains an invalid configuration on every page', async ({ page }) => {
  const port = await findFreePort()
  // `npm run serve` in production without CONSOLE_AUTH: the case that answered a bare 500 on every page.
  const server = launch(['scripts/serve-standalone.mjs'], {
    HOME: scratch,
    PORT: String(port),
    HOST: '127.0.0.1',
    NEXT_TELEMETRY_DISABLED: '1',
  })
  launched.push(server)
  await server.waitFor(/Ready|started server/i)
  for (const path of ['/', '/signin', '/clusters']) {
    const response = await page.goto(`http://127.0.0.1:${port}${path}`)
    expect(response?.status(), path).toBeLessThan(500)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("The console's configuration is invalid")
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page).toHaveTitle(/EKS Access Console/)
    await expect(page.getByRole('listitem').first()).toContainText('CONSOLE_AUTH: required in production')
  }
  // At start-up, one paragraph per problem with its fix (Next.js still logs the errors of the segments it renders
  // beside the layout that shows this page).
  expect(server.output()).toMatch(/CONSOLE_AUTH: required in production .*\. Set CONSOLE_AUTH=oidc .* See README\.md#/)
})
