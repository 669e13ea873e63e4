import { deleteAccessEntrySchema } from '@/lib/access/access-entry-bodies'
import { entryParamsSchema } from '@/lib/access/access-entry-params'
import { updateAccessEntrySchema } from '@/lib/access/access-entry-schema'
import { changeAccessEntry, getAccessEntry, removeAccessEntry } from '@/lib/access/server/access-entry-service'
import { entryResponse, parseIfMatch } from '@/lib/access/server/entry-version'
import { withRole } from '@/lib/api/server/with-role'

type Params = { region: string; cluster: string; principal: string }

// GET /api/clusters/:region/:cluster/access-entries/:principal — one entry, read fresh from EKS; ETag = its version.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster, principal } = entryParamsSchema.parse(await params)
  return entryResponse(await getAccessEntry({ region, cluster, principalArn: principal }))
})

// PATCH …/access-entries/:principal — change username and/or groups (UpdateAccessEntry). If-Match required (428).
export const PATCH = withRole<Params>('editor', async ({ req, params, session, body }) => {
  const { region, cluster, principal } = entryParamsSchema.parse(await params)
  const input = updateAccessEntrySchema.parse(body)
  const ifMatch = parseIfMatch(req.headers.get('if-match'))
  const target = { region, cluster, principalArn: principal }
  return entryResponse(await changeAccessEntry(target, input, session.user, ifMatch))
})

// DELETE …/access-entries/:principal — body { confirmClusterName } passes the lockout guard (admins only); optional
// If-Match (412 when stale).
export const DELETE = withRole<Params>('editor', async ({ req, params, session, body }) => {
  const { region, cluster, principal } = entryParamsSchema.parse(await params)
  const input = deleteAccessEntrySchema.parse(body ?? {})
  const ifMatch = parseIfMatch(req.headers.get('if-match'))
  await removeAccessEntry({ region, cluster, principalArn: principal }, input, session.user, ifMatch)
  return Response.json({ deleted: principal })
})
