// The access page as a person sees it: the built console in headless Chromium against the 1,000-entry `scale` cluster
// with 50 ms on every sandbox call, from navigation to the first screen of rows and to the complete table.
import type { BenchFigure } from './bench-types'
import { startConsoleUnderBench } from './console-under-bench'

const FIRST_SCREEN_ROWS = 20

/** Time to the first 20 rows visible and to the complete table, on a cold console (empty detail cache). */
export async function measureAccessPageInBrowser(latencyMs: number): Promise<BenchFigure[]> {
  const bench = await startConsoleUnderBench({ scale: 'large' })
  try {
    const page = await (await bench.signedInContext()).newPage()
    // Warm the server's own caches of the cluster (not its access entries) with a page that lists clusters, and its
    // code with another cluster's access page: "cold" is about this cluster's data, not the first request a server
    // process ever answers (a console that has run for a minute has compiled its access page already).
    await page.goto(`${bench.consoleUrl}/clusters`)
    await page.goto(`${bench.consoleUrl}/clusters/us-west-2/prod-web/access`)
    await page.getByText(/^\d+ entries/).waitFor({ timeout: 60_000 })
    await page.goto(`${bench.consoleUrl}/clusters`)
    const faults = { faults: [{ service: '*', kind: 'latency', latencyMs }] }
    await fetch(`${bench.sandboxUrl}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify(faults) })

    await page.goto(`${bench.consoleUrl}/clusters/us-west-2/scale/access`)
    // Described rows only: the placeholders of entries still being described are aria-hidden.
    await page
      .locator('tbody tr:not([aria-hidden="true"])')
      .nth(FIRST_SCREEN_ROWS - 1)
      .waitFor({ timeout: 60_000 })
    const firstScreenMs = await page.evaluate(() => performance.now())
    await page.getByText(/^1000 entries/).waitFor({ timeout: 60_000 })
    const completeMs = await page.evaluate(() => performance.now())
    return [
      {
        label: `browser: first ${FIRST_SCREEN_ROWS} rows visible (cold)`,
        value: firstScreenMs / 1000,
        unit: 's',
        target: 0.5,
      },
      { label: 'browser: complete table (cold)', value: completeMs / 1000, unit: 's', target: 3 },
    ]
  } finally {
    await bench.stop()
  }
}
