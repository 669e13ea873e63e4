// Browsing the `scale` cluster's 100,000 Pods (SANDBOX_SCALE=large) in headless Chromium against the built console:
// time from navigation to the first Pod rows, JS heap after scrolling the whole list, and the console's Pods API time
// for one page divided by the raw Kubernetes list time of the same page (same run, same TLS connection reuse).
// Both sides of the ratio are timed until the caller holds the page as objects (response read and JSON-parsed), as
// any client of either API must; the console's side includes its own Kubernetes list, projection and session check.
// The sandbox and the console run as their own processes, as they would in production.
import { Agent as HttpAgent, request as httpRequest, type RequestOptions } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { createRequire } from 'node:module'

import type { BenchFigure, Benchmark } from './bench-types'
import { startConsoleUnderBench } from './console-under-bench'

const PAGE = 500
const SAMPLES = 31

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

/** Median times of some calls, taken in alternation so that a busy moment of the machine weighs on all alike. */
async function timeMedians(runs: (() => Promise<unknown>)[]): Promise<number[]> {
  const samples = runs.map((): number[] => [])
  for (let i = -1; i < SAMPLES; i++) {
    for (const [k, run] of runs.entries()) {
      const start = performance.now()
      await run()
      // Round -1 warms up: connections, tokens, caches.
      if (i >= 0) samples[k]!.push(performance.now() - start)
    }
  }
  return samples.map(median)
}

/**
 * GETs a URL and parses the JSON answer, read whole first as client-go and @kubernetes/client-node do. Both sides of
 * the ratio go through this one client, so it measures the two servers and not two HTTP clients.
 */
function getJson(url: string, options: RequestOptions): Promise<unknown> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(url, options, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`))
        else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      })
    })
    req.on('error', reject)
    req.end()
  })
}

/** GETs a Kubernetes path directly with an EKS token, as the console would (the "raw list" side of the ratio). */
async function rawKubeGetter(sandboxUrl: string) {
  const localRequire = createRequire(__filename)
  localRequire.cache[localRequire.resolve('server-only')] = { exports: {} } as NodeJS.Module
  const { buildEksToken } = await import('@/lib/k8s/eks-token')
  const { EKSClient, DescribeClusterCommand } = await import('@aws-sdk/client-eks')
  const credentials = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  }
  const eks = new EKSClient({ region: 'us-west-2', endpoint: sandboxUrl, credentials })
  const { cluster } = await eks.send(new DescribeClusterCommand({ name: 'scale' }))
  const { token } = await buildEksToken({
    clusterName: 'scale',
    region: 'us-west-2',
    credentials,
    endpointUrl: sandboxUrl,
  })
  const agent = new HttpsAgent({
    keepAlive: true,
    ca: Buffer.from(cluster?.certificateAuthority?.data ?? '', 'base64'),
  })
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' }
  return (path: string) => getJson(`${cluster?.endpoint}${path}`, { agent, headers })
}

export const benchmark: Benchmark = {
  name: 'Browse Pods (scale cluster: 100,000 Pods, headless Chromium)',
  async run(): Promise<BenchFigure[]> {
    const bench = await startConsoleUnderBench({ scale: 'large', chromiumExtraArgs: ['--enable-precise-memory-info'] })
    const { consoleUrl, sandboxUrl } = bench
    try {
      const page = await (await bench.signedInContext()).newPage()
      const podsUrl = `${consoleUrl}/clusters/us-west-2/scale/resources/pods`
      // Warm the route once (Next compiles nothing at runtime, but the console's connection and token caches fill).
      await page.goto(podsUrl)
      await page.getByRole('link', { name: /^svc-/ }).first().waitFor()
      await page.goto(`${consoleUrl}/clusters`)

      await page.goto(podsUrl)
      await page.getByRole('link', { name: /^svc-/ }).first().waitFor()
      const firstRowsMs = await page.evaluate(() => performance.now())

      const scrollStart = performance.now()
      const table = page.getByRole('region', { name: /Pods \(scrollable\)/ })
      const status = page.getByText(/^100,000 pods · in name order/)
      while (!(await status.isVisible())) {
        await table.evaluate((el) => el.scrollTo(0, el.scrollHeight))
        await page.waitForTimeout(50)
      }
      const scrollS = (performance.now() - scrollStart) / 1000
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('HeapProfiler.collectGarbage')
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }

      const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
      const rawGet = await rawKubeGetter(sandboxUrl)
      // Uncompressed like the raw side: the ratio is the console's own work, not gzip's (which Next.js applies to
      // browsers' requests and which pays for itself only over a real network).
      const consoleOptions = {
        agent: new HttpAgent({ keepAlive: true }),
        headers: { cookie, accept: 'application/json', 'accept-encoding': 'identity' },
      }
      // What any API answer costs before the Pods route does its own work: Next's routing, the proxy and an empty
      // handler (/api/health), then the session check on top (/api/session/whoami). Context for the ratio.
      const [consoleMs = NaN, rawMs = NaN, healthMs = NaN, whoamiMs = NaN] = await timeMedians([
        () => getJson(`${consoleUrl}/api/clusters/us-west-2/scale/pods?limit=${PAGE}`, consoleOptions),
        () => rawGet(`/api/v1/pods?limit=${PAGE}`),
        () => getJson(`${consoleUrl}/api/health`, consoleOptions),
        () => getJson(`${consoleUrl}/api/session/whoami`, consoleOptions),
      ])
      return [
        { label: 'navigation to first Pod rows (performance.now)', value: firstRowsMs, unit: 'ms', target: 1000 },
        { label: 'scrolling all 100,000 rows (context)', value: scrollS, unit: 's' },
        { label: 'JS heap after scrolling the whole list', value: heap.usedSize / 2 ** 20, unit: 'MB', target: 150 },
        { label: `console Pods API, one ${PAGE}-Pod page (median)`, value: consoleMs, unit: 'ms' },
        { label: `raw Kubernetes list, same page, parsed (median)`, value: rawMs, unit: 'ms' },
        { label: 'console API time / raw Kubernetes list time', value: consoleMs / rawMs, unit: 'ratio', target: 1.1 },
        { label: '  any console API answer: /api/health, no work (median)', value: healthMs, unit: 'ms' },
        { label: '  with the session check: /api/session/whoami (median)', value: whoamiMs, unit: 'ms' },
      ]
    } finally {
      await bench.stop()
    }
  },
}
