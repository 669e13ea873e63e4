import { defineConfig } from '@playwright/test'

import { E2E_METRICS_TOKEN } from './e2e/support/metrics-token'
import { chromiumArgs, chromiumExecutablePath } from './scripts/chromium'

// E2E runs the real launcher: a fresh sandbox on its own port and the built console on another, so a developer's
// `npm start` on 3000/4566 can keep running beside the tests.
// Overridable so two runs on one machine (e.g. CI beside a developer's run) do not collide.
const consolePort = Number(process.env.E2E_CONSOLE_PORT ?? 3100)
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4610)

// Time-bound grants in e2e last seconds, not the production minimum of 5 minutes; the console accepts a minimum under
// a minute only with sandbox sign-in (what the launcher uses here), and the launcher passes the variable through.
process.env.TIME_BOUND_MIN_SECONDS ??= '10'
// /api/metrics on, so a spec can count the console's AWS calls (the launcher passes the variable through).
process.env.METRICS_TOKEN ??= E2E_METRICS_TOKEN

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${consolePort}`,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumExecutablePath, args: chromiumArgs },
  },
  webServer: {
    command: `npx tsx scripts/start.ts --port ${consolePort} --sandbox-port ${sandboxPort} --state-dir .sandbox/e2e-${consolePort} --reset`,
    url: `http://127.0.0.1:${consolePort}/signin`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
