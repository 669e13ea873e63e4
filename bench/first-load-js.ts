// First-load JavaScript per page: what a browser with an empty cache downloads as scripts to show each page of the
// console, as transferred (Next's gzip), summed from Chromium's own byte counts. One figure per page; the largest
// is named. Pages are opened signed in as the sandbox admin, on the default world's clusters.
import type { BenchFigure, Benchmark } from './bench-types'
import { startConsoleUnderBench } from './console-under-bench'

const TARGET_KB = 200

/** One page per route of app/, dynamic segments filled with seeded names (Pod and node details: names are generated). */
const paths = [
  '/signin',
  '/clusters',
  '/clusters/us-west-2/prod-web',
  '/clusters/us-west-2/prod-web/resources',
  '/clusters/us-west-2/prod-web/resources/pods',
  '/clusters/us-west-2/prod-web/resources/nodes',
  '/clusters/us-west-2/prod-web/resources/namespaces',
  '/clusters/us-west-2/prod-web/resources/namespaces/default',
  '/clusters/us-west-2/prod-web/resources/service-accounts/reports/reports-job',
  '/clusters/us-west-2/prod-web/access',
  '/clusters/us-west-2/prod-web/access/grant',
  '/clusters/us-west-2/legacy-batch/aws-auth',
  '/clusters/us-west-2/legacy-batch/aws-auth/migrate',
  '/clusters/us-west-2/prod-web/workload-identity',
  '/clusters/us-west-2/prod-web/identity-providers',
  '/clusters/us-west-2/prod-web/effective-access',
  '/clusters/us-west-2/prod-web/effective-access?view=who-can',
  '/clusters/us-west-2/prod-web/effective-access?view=why-forbidden',
  '/clusters/us-west-2/prod-web/kubeconfig',
  '/clusters/us-west-2/prod-web/history',
  '/clusters/us-west-2/prod-web/rbac',
  '/clusters/us-west-2/prod-web/rbac/cluster-roles/secret-reader',
  '/clusters/us-west-2/prod-web/rbac/subjects/Group/ci-deployers',
  '/clusters/us-west-2/prod-web/rbac/bindings/new',
  '/clusters/us-west-2/prod-web/findings',
  '/clusters/us-west-2/prod-web/requests',
  '/clusters/us-west-2/prod-web/requests/new',
  '/clusters/us-west-2/prod-web/requests/settings',
  '/audit',
  '/access-policies',
  '/findings',
  '/requests',
]

export const benchmark: Benchmark = {
  name: 'First-load JS per page (empty cache, as transferred)',
  async run(): Promise<BenchFigure[]> {
    const bench = await startConsoleUnderBench({ scale: 'default' })
    try {
      const figures: BenchFigure[] = []
      for (const path of paths) {
        // The sign-in page as someone not signed in sees it; every other page signed in.
        const context = path === '/signin' ? await bench.browser.newContext() : await bench.signedInContext()
        const page = await context.newPage()
        const scripts: Promise<number>[] = []
        page.on('requestfinished', (request) => {
          if (request.resourceType() === 'script') scripts.push(request.sizes().then((s) => s.responseBodySize))
        })
        // Network idle: the chunks a page loads once its data has arrived count too.
        await page.goto(`${bench.consoleUrl}${path}`, { waitUntil: 'networkidle' })
        const bytes = (await Promise.all(scripts)).reduce((sum, n) => sum + n, 0)
        figures.push({ label: path, value: bytes / 1024, unit: 'kB', target: TARGET_KB })
        await context.close()
      }
      const largest = figures.reduce((a, b) => (b.value > a.value ? b : a))
      return [...figures, { label: `largest: ${largest.label}`, value: largest.value, unit: 'kB', target: TARGET_KB }]
    } finally {
      await bench.stop()
    }
  },
}
