import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { timeBoundSettingsSchema } from '@/lib/time-bound/grant-duration'
import { setClusterMaximum } from '@/lib/time-bound/server/time-bound-service'

type Params = { region: string; cluster: string }

// PUT /api/clusters/:region/:cluster/time-bound-settings — the cluster's maximum time-bound access (admins, audited).
export const PUT = withRole<Params>('admin', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = timeBoundSettingsSchema.parse(body)
  return Response.json(await setClusterMaximum({ region, cluster }, input, session.user))
})
