import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { listTimeBoundGrants } from '@/lib/time-bound/server/time-bound-service'

type Params = { region: string; cluster: string }

// GET /api/clusters/:region/:cluster/time-bound-grants — the active time-bound grants and the cluster's bounds.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await listTimeBoundGrants({ region, cluster }))
})
