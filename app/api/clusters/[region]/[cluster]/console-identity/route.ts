import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { getConsoleIdentity } from '@/lib/clusters/server/console-identity'

// GET /api/clusters/:region/:cluster/console-identity — the console's AWS principal and its Kubernetes user/groups.
export const GET = withRole<{ region: string; cluster: string }>('viewer', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await getConsoleIdentity({ region, name: cluster }))
})
