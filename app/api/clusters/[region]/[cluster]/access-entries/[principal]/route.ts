import { updateAccessEntrySchema } from '@/lib/access/access-entry-schema'
import { withRole } from '@/lib/api/with-role'
import { changeAccessEntry, getAccessEntry, removeAccessEntry } from '@/lib/access-entries/access-entry-service'
import { entryParamsSchema } from '@/lib/access-entries/entry-params'
import { deleteAccessEntrySchema } from '@/lib/access-entries/grant-schema'

type Params = { region: string; cluster: string; principal: string }

// GET /api/clusters/:region/:cluster/access-entries/:principal — one entry, read fresh from EKS.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster, principal } = entryParamsSchema.parse(await params)
  return Response.json(await getAccessEntry({ region, cluster, principalArn: principal }))
})

// PATCH …/access-entries/:principal — change username and/or groups (UpdateAccessEntry).
export const PATCH = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster, principal } = entryParamsSchema.parse(await params)
  const input = updateAccessEntrySchema.parse(body)
  return Response.json(await changeAccessEntry({ region, cluster, principalArn: principal }, input, session.user))
})

// DELETE …/access-entries/:principal — body { confirmClusterName } passes the lockout guard (admins only).
export const DELETE = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster, principal } = entryParamsSchema.parse(await params)
  const input = deleteAccessEntrySchema.parse(body ?? {})
  await removeAccessEntry({ region, cluster, principalArn: principal }, input, session.user)
  return Response.json({ deleted: principal })
})
