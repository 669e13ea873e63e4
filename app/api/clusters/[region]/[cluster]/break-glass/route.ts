import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { breakGlassSchema } from '@/lib/time-bound/break-glass-schema'
import { breakGlass } from '@/lib/time-bound/server/break-glass-service'

type Params = { region: string; cluster: string }

// POST /api/clusters/:region/:cluster/break-glass — the admin's own IAM principal gets cluster admin for ≤ 1 h.
export const POST = withRole<Params>('admin', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = breakGlassSchema.parse(body)
  return Response.json(await breakGlass({ region, cluster }, input, session.user), { status: 201 })
})
