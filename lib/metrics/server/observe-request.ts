import 'server-only'

import { routeLabel } from '@/lib/metrics/route-label'

import { consoleMetrics } from './metrics-registry'

/**
 * Runs a route handler and counts it by route template, method and status, with its latency. Never throws on its own
 * account: a metrics failure must not fail the request.
 */
export async function observeRequest(req: Request, handle: () => Promise<Response>): Promise<Response> {
  const startedAt = performance.now()
  let status = 500
  try {
    const response = await handle()
    status = response.status
    return response
  } finally {
    try {
      const route = routeLabel(new URL(req.url).pathname)
      const metrics = consoleMetrics()
      metrics.requests.inc({ route, method: req.method, status: String(status) })
      metrics.requestSeconds.observe({ route, method: req.method }, (performance.now() - startedAt) / 1000)
    } catch {
      // Metrics are best effort.
    }
  }
}
