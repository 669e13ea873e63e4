import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { createBindingSchema } from '@/lib/rbac/rbac-binding-schema'
import { createBinding } from '@/lib/rbac/server/binding-writes'

type Params = { region: string; cluster: string }

// POST …/rbac/cluster-role-bindings — create one ClusterRoleBinding (optionally time-bound).
export const POST = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = createBindingSchema.parse({ ...(body as object), kind: 'ClusterRoleBinding' })
  return Response.json(await createBinding({ region, name: cluster }, input, session.user), { status: 201 })
})
