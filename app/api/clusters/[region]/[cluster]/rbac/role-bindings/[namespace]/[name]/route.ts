import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { deleteBindingSchema, roleBindingParamsSchema } from '@/lib/rbac/rbac-binding-schema'
import { deleteBinding } from '@/lib/rbac/server/binding-writes'
import { loadBindingDetail } from '@/lib/rbac/server/rbac-service'

type Params = { region: string; cluster: string; namespace: string; name: string }

// GET …/rbac/role-bindings/:namespace/:name — one RoleBinding: subjects, roleRef (missing or not), rules, YAML.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const raw = await params
  const { region, cluster } = clusterParamsSchema.parse(raw)
  const { namespace, name } = roleBindingParamsSchema.parse(raw)
  return Response.json(await loadBindingDetail({ region, name: cluster }, { kind: 'RoleBinding', namespace, name }))
})

// DELETE …/rbac/role-bindings/:namespace/:name — body { resourceVersion, uid? }: deletes only that version (409 when
// it changed since the page loaded it).
export const DELETE = withRole<Params>('editor', async ({ params, session, body }) => {
  const raw = await params
  const { region, cluster } = clusterParamsSchema.parse(raw)
  const { namespace, name } = roleBindingParamsSchema.parse(raw)
  const input = deleteBindingSchema.parse(body ?? {})
  await deleteBinding({ region, name: cluster }, { kind: 'RoleBinding', namespace, name }, input, session.user)
  return Response.json({ deleted: `${namespace}/${name}` })
})
