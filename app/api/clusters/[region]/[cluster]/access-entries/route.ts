import { createAccessEntrySchema } from '@/lib/access/access-entry-schema'
import { grantAccess } from '@/lib/access/server/grant-access'
import { loadAccessEntriesPage } from '@/lib/access/server/list-access-entries'
import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'

type Params = { region: string; cluster: string }

// GET /api/clusters/:region/:cluster/access-entries[?fresh=1] — every entry with details, policies and guards.
export const GET = withRole<Params>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const fresh = new URL(req.url).searchParams.get('fresh') === '1'
  return Response.json(await loadAccessEntriesPage(region, cluster, { fresh }))
})

// POST /api/clusters/:region/:cluster/access-entries — create the entry, then associate each policy.
export const POST = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = createAccessEntrySchema.parse(body)
  return Response.json(await grantAccess({ region, cluster }, input, session.user), { status: 201 })
})
