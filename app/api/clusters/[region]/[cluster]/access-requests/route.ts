import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { createAccessRequestSchema } from '@/lib/time-bound/access-request-schema'
import { createAccessRequest, listPendingRequests } from '@/lib/time-bound/server/access-request-service'

type Params = { region: string; cluster: string }

// GET …/access-requests — the cluster's pending access requests, oldest first.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json({ requests: await listPendingRequests({ region, cluster }) })
})

// POST …/access-requests — anyone signed in asks for time-bound access for an IAM principal (audited, announced).
export const POST = withRole<Params>('viewer', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = createAccessRequestSchema.parse(body)
  return Response.json(await createAccessRequest({ region, cluster }, input, session.user), { status: 201 })
})
