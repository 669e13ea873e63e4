import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { readSearchParams } from '@/lib/resources/resource-filters'
import { eventsQuerySchema } from '@/lib/resources/resource-params'
import { listObjectEvents } from '@/lib/resources/server/object-events'

// GET /api/clusters/:region/:cluster/events?kind=Pod&name=x&namespace=y — the events of one object.
export const GET = withRole<{ region: string; cluster: string }>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const target = eventsQuerySchema.parse(readSearchParams(new URL(req.url).searchParams))
  return Response.json(await listObjectEvents({ region, name: cluster }, target))
})
