import { withRole } from '@/lib/api/server/with-role'
import { namedParamsSchema } from '@/lib/resources/resource-params'
import { getNodeDetail } from '@/lib/resources/server/nodes'

// GET /api/clusters/:region/:cluster/nodes/:name — one node's details and YAML.
export const GET = withRole<{ region: string; cluster: string; name: string }>('viewer', async ({ params }) => {
  const { region, cluster, name } = namedParamsSchema.parse(await params)
  return Response.json(await getNodeDetail({ region, name: cluster }, name))
})
