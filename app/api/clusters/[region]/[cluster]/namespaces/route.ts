import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { namespaceFiltersSchema, pagingSchema, readSearchParams } from '@/lib/resources/resource-filters'
import { listNamespaceRows } from '@/lib/resources/server/namespaces'

// GET /api/clusters/:region/:cluster/namespaces?q=&labels=&cursor=&limit= — one page of namespace rows.
export const GET = withRole<{ region: string; cluster: string }>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const query = readSearchParams(new URL(req.url).searchParams)
  const filters = namespaceFiltersSchema.parse(query)
  return Response.json(await listNamespaceRows({ region, name: cluster }, filters, pagingSchema.parse(query)))
})
