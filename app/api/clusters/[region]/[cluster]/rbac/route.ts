import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { loadRbacOverview } from '@/lib/rbac/server/rbac-service'

type Params = { region: string; cluster: string }

// GET /api/clusters/:region/:cluster/rbac — every Role, ClusterRole, RoleBinding, ClusterRoleBinding and bound subject.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await loadRbacOverview({ region, name: cluster }))
})
