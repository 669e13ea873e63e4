import { createAccessEntrySchema } from '@/lib/access/access-entry-schema'
import { streamAccessEntriesPage } from '@/lib/access/server/access-entries-stream'
import { grantAccess } from '@/lib/access/server/grant-access'
import { loadAccessEntriesPage } from '@/lib/access/server/list-access-entries'
import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'

type Params = { region: string; cluster: string }

// GET /api/clusters/:region/:cluster/access-entries[?fresh=1][&stream=1] — every entry with details, policies and
// guards; with stream=1 as NDJSON lines while they are described (lib/access/access-entries-stream.ts).
export const GET = withRole<Params>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const query = new URL(req.url).searchParams
  const fresh = query.get('fresh') === '1'
  if (query.get('stream') === '1') return streamAccessEntriesPage(region, cluster, fresh)
  return Response.json(await loadAccessEntriesPage(region, cluster, { fresh }))
})

// POST /api/clusters/:region/:cluster/access-entries — create the entry, then associate each policy.
export const POST = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = createAccessEntrySchema.parse(body)
  return Response.json(await grantAccess({ region, cluster }, input, session.user), { status: 201 })
})
