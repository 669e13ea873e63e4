import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { clusterRoleParamsSchema } from '@/lib/rbac/rbac-binding-schema'
import { loadRoleDetail } from '@/lib/rbac/server/rbac-service'

type Params = { region: string; cluster: string; name: string }

// GET …/rbac/cluster-roles/:name — one ClusterRole: rules (with aggregation sources), selectors, bindings, YAML.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const raw = await params
  const { region, cluster } = clusterParamsSchema.parse(raw)
  const { name } = clusterRoleParamsSchema.parse(raw)
  return Response.json(await loadRoleDetail({ region, name: cluster }, { kind: 'ClusterRole', name }))
})
