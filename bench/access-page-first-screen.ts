// The access page as a person sees it: the built console in headless Chromium against the 1,000-entry `scale` cluster
// with 50 ms on every sandbox call, from navigation to the first screen of rows and to the complete table.
import { availableParallelism } from 'node:os'

import type { BenchFigure } from './bench-types'
import { startConsoleUnderBench } from './console-under-bench'
import { sampleProcessCpu } from './process-cpu'

const FIRST_SCREEN_ROWS = 20

/** Fresh reloads of another cluster's entries before the measured load, for the warmed-process figures. */
const WARM_UP_LOADS = 150

/**
 * Time to the first 20 rows visible and to the complete table, on a cold console (empty detail cache). With
 * `warmProcess`, the console and the sandbox have first answered {@link WARM_UP_LOADS} fresh loads of another cluster's
 * access entries: the same cold data, but code V8 has already optimized, as in a console that has served for a while.
 */
export async function measureAccessPageInBrowser(
  latencyMs: number,
  options: { warmProcess?: boolean } = {},
): Promise<BenchFigure[]> {
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
    if (options.warmProcess) {
      const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
      const url = `${bench.consoleUrl}/api/clusters/us-west-2/prod-web/access-entries?fresh=1`
      for (let i = 0; i < WARM_UP_LOADS; i++) {
        const response = await fetch(url, { headers: { cookie } })
        if (!response.ok) throw new Error(`warm-up load answered ${response.status}`)
        await response.arrayBuffer()
      }
    }
    const faults = { faults: [{ service: '*', kind: 'latency', latencyMs }] }
    await fetch(`${bench.sandboxUrl}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify(faults) })

    // Timed inside the page, every 5 ms from navigation (Playwright's own polling would add up to ~100 ms). Described
    // rows only: the placeholders of entries still being described are aria-hidden. The script is a string because
    // a function would be sent with the bundler's helpers, which the page does not have.
    await page.addInitScript({
      content: `(function () {
        var marks = (window.__accessPageMarks = {})
        var timer = setInterval(function () {
          var rows = document.querySelectorAll('tbody tr[data-principal-arn]').length
          if (!marks.firstScreen && rows >= ${FIRST_SCREEN_ROWS}) marks.firstScreen = performance.now()
          var done = Array.prototype.some.call(document.querySelectorAll('[role="status"]'), function (status) {
            return /^1000 entries/.test(status.textContent || '')
          })
          if (!marks.complete && done) {
            marks.complete = performance.now()
            clearInterval(timer)
          }
        }, 5)
      })()`,
    })
    const cpuBefore = sampleProcessCpu(bench.processIds)
    await page.goto(`${bench.consoleUrl}/clusters/us-west-2/scale/access`)
    await page.waitForFunction(
      () => (window as unknown as { __accessPageMarks: { complete?: number } }).__accessPageMarks.complete,
      undefined,
      {
        timeout: 60_000,
      },
    )
    const marks = await page.evaluate(
      () => (window as unknown as { __accessPageMarks: { firstScreen: number; complete: number } }).__accessPageMarks,
    )
    const [firstScreenMs, completeMs] = [marks.firstScreen, marks.complete]
    const cpuAfter = sampleProcessCpu(bench.processIds)
    const cpu = (name: string) => (cpuAfter[name] ?? 0) - (cpuBefore[name] ?? 0)
    const cores = availableParallelism()
    const cpuFloor = (cpu('console') + cpu('sandbox') + cpu('rest')) / cores
    if (options.warmProcess) {
      // Context, not the target figures: how much of a cold load is V8 compiling the console's and sandbox's code.
      return [
        { label: `  same, processes warmed: first ${FIRST_SCREEN_ROWS} rows`, value: firstScreenMs / 1000, unit: 's' },
        { label: '  same, processes warmed: complete table', value: completeMs / 1000, unit: 's' },
        { label: `  same, processes warmed: CPU of the three ÷ ${cores} cores`, value: cpuFloor, unit: 's' },
      ]
    }
    return [
      {
        label: `browser: first ${FIRST_SCREEN_ROWS} rows visible (cold)`,
        value: firstScreenMs / 1000,
        unit: 's',
        target: 0.5,
      },
      { label: 'browser: complete table (cold)', value: completeMs / 1000, unit: 's', target: 3 },
      // Context for the complete table: what the load cost each process (threads included), and their sum over the
      // machine's cores, the least time the load can take here whatever the order of the work.
      { label: '  CPU for that load: the console', value: cpu('console'), unit: 's' },
      { label: '  CPU for that load: the sandbox', value: cpu('sandbox'), unit: 's' },
      { label: '  CPU for that load: Chromium', value: cpu('rest'), unit: 's' },
      { label: `  the three ÷ ${cores} cores (the least the load can take here)`, value: cpuFloor, unit: 's' },
    ]
  } finally {
    await bench.stop()
  }
}
