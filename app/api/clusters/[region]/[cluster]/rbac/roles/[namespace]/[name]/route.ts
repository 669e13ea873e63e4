import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { roleParamsSchema } from '@/lib/rbac/rbac-binding-schema'
import { loadRoleDetail } from '@/lib/rbac/server/rbac-service'

type Params = { region: string; cluster: string; namespace: string; name: string }

// GET …/rbac/roles/:namespace/:name — one Role: its rules, the bindings that reference it, YAML.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const raw = await params
  const { region, cluster } = clusterParamsSchema.parse(raw)
  const { namespace, name } = roleParamsSchema.parse(raw)
  return Response.json(await loadRoleDetail({ region, name: cluster }, { kind: 'Role', namespace, name }))
})
