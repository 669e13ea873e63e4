import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { accessRequestFilterSchema, createAccessRequestSchema } from '@/lib/time-bound/access-request-schema'
import { createAccessRequest, listAccessRequests } from '@/lib/time-bound/server/access-request-service'

type Params = { region: string; cluster: string }

// GET …/access-requests?status=pending|decided|expired|all — the cluster's requests (pending: oldest first).
export const GET = withRole<Params>('viewer', async ({ req, params, session }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const filter = accessRequestFilterSchema.parse(new URL(req.url).searchParams.get('status') ?? undefined)
  return Response.json({ requests: await listAccessRequests(session.user, filter, { region, cluster }) })
})

// POST …/access-requests — anyone signed in asks for time-bound access for an IAM principal (audited, announced).
export const POST = withRole<Params>('viewer', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = createAccessRequestSchema.parse(body)
  return Response.json(await createAccessRequest({ region, cluster }, input, session.user), { status: 201 })
})
