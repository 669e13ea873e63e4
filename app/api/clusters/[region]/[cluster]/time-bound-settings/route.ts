import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { timeBoundSettingsSchema } from '@/lib/time-bound/grant-duration'
import { readClusterSettings, saveClusterSettings } from '@/lib/time-bound/server/time-bound-service'

type Params = { region: string; cluster: string }

// GET /api/clusters/:region/:cluster/time-bound-settings — the cluster's maximum and whether editors decide requests.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await readClusterSettings({ region, cluster }))
})

// PUT /api/clusters/:region/:cluster/time-bound-settings — admins change both (audited).
export const PUT = withRole<Params>('admin', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = timeBoundSettingsSchema.parse(body)
  return Response.json(await saveClusterSettings({ region, cluster }, input, session.user))
})
