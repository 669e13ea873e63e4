import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { loadWorkloadIdentity } from '@/lib/workload-identity/server/mapping-service'

type Params = { region: string; cluster: string }

// GET /api/clusters/:region/:cluster/workload-identity — every service account → IAM role mapping with its checks.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await loadWorkloadIdentity({ region, name: cluster }))
})
