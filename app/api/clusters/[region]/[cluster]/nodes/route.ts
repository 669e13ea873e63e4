import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { nodeFiltersSchema, pagingSchema, readSearchParams } from '@/lib/resources/resource-filters'
import { listNodeRows } from '@/lib/resources/server/nodes'

// GET /api/clusters/:region/:cluster/nodes?q=&status=&labels=&cursor=&limit= — one page of node rows.
export const GET = withRole<{ region: string; cluster: string }>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const query = readSearchParams(new URL(req.url).searchParams)
  const filters = nodeFiltersSchema.parse(query)
  return Response.json(await listNodeRows({ region, name: cluster }, filters, pagingSchema.parse(query)))
})
