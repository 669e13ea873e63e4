import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { describeClusterOverview } from '@/lib/clusters/server/cluster-overview'

// GET /api/clusters/:region/:cluster — the overview: endpoint, identity, auth mode, compute, add-ons, tags.
export const GET = withRole<{ region: string; cluster: string }>('viewer', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await describeClusterOverview(region, cluster))
})
