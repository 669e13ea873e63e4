import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { pagingSchema, podFiltersSchema, readSearchParams } from '@/lib/resources/resource-filters'
import { listPodRows } from '@/lib/resources/server/pods'

// GET /api/clusters/:region/:cluster/pods?ns=a,b&q=&status=&node=&labels=&cursor=&limit= — one page of Pod rows.
export const GET = withRole<{ region: string; cluster: string }>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const query = readSearchParams(new URL(req.url).searchParams)
  const filters = podFiltersSchema.parse(query)
  return Response.json(await listPodRows({ region, name: cluster }, filters, pagingSchema.parse(query)))
})
