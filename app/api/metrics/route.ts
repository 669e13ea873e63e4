import { errorResponse } from '@/lib/api/server/with-role'
import { env } from '@/lib/env'
import { metricsAccess } from '@/lib/metrics/server/metrics-access'
import { consoleMetrics } from '@/lib/metrics/server/metrics-registry'

// GET /api/metrics — Prometheus text format, for a scraper holding METRICS_TOKEN (not a console session: Prometheus
// signs in to nothing). Off (404) when METRICS_TOKEN is unset.
export const dynamic = 'force-dynamic'

export async function GET(req: Request): Promise<Response> {
  const access = metricsAccess(req.headers.get('authorization'), env.metricsToken)
  if (access === 'disabled') return errorResponse('not_found', 'Metrics are off: set METRICS_TOKEN to turn them on.')
  if (access === 'denied') {
    const response = errorResponse('unauthenticated', 'Send Authorization: Bearer <METRICS_TOKEN>.')
    response.headers.set('www-authenticate', 'Bearer realm="metrics"')
    return response
  }
  const { registry } = consoleMetrics()
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  })
}
