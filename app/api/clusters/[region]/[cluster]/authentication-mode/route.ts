import { authenticationModeRequestSchema } from '@/lib/access/access-entry-params'
import { changeAuthenticationMode } from '@/lib/access/server/authentication-mode-service'
import { getAuthenticationModeState } from '@/lib/access/server/authentication-mode-state'
import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'

type Params = { region: string; cluster: string }

// GET …/authentication-mode — the current mode, and the running switch if there is one.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await getAuthenticationModeState(region, cluster))
})

// POST …/authentication-mode — one-way switch to the next mode (admins only, audited); answers the EKS update to poll.
export const POST = withRole<Params>('admin', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const { authenticationMode } = authenticationModeRequestSchema.parse(body)
  const update = await changeAuthenticationMode({ region, cluster }, authenticationMode, session.user)
  return Response.json(update, { status: 202 })
})
