import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { clusterBindingParamsSchema, deleteBindingSchema } from '@/lib/rbac/rbac-binding-schema'
import { deleteBinding } from '@/lib/rbac/server/binding-writes'
import { loadBindingDetail } from '@/lib/rbac/server/rbac-service'

type Params = { region: string; cluster: string; name: string }

// GET …/rbac/cluster-role-bindings/:name — one ClusterRoleBinding: subjects, roleRef (missing or not), rules, YAML.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const raw = await params
  const { region, cluster } = clusterParamsSchema.parse(raw)
  const { name } = clusterBindingParamsSchema.parse(raw)
  return Response.json(await loadBindingDetail({ region, name: cluster }, { kind: 'ClusterRoleBinding', name }))
})

// DELETE …/rbac/cluster-role-bindings/:name — body { resourceVersion, uid? }: deletes only that version (409 when it
// changed since the page loaded it).
export const DELETE = withRole<Params>('editor', async ({ params, session, body }) => {
  const raw = await params
  const { region, cluster } = clusterParamsSchema.parse(raw)
  const { name } = clusterBindingParamsSchema.parse(raw)
  const input = deleteBindingSchema.parse(body ?? {})
  await deleteBinding({ region, name: cluster }, { kind: 'ClusterRoleBinding', name }, input, session.user)
  return Response.json({ deleted: name })
})
