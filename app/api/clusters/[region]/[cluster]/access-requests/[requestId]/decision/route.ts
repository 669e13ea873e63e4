import { withRole } from '@/lib/api/server/with-role'
import { accessRequestDecisionSchema, accessRequestParamsSchema } from '@/lib/time-bound/access-request-schema'
import { decideAccessRequest } from '@/lib/time-bound/server/access-request-service'

type Params = { region: string; cluster: string; requestId: string }

// POST …/access-requests/:requestId/decision — an admin, or an editor where an admin allowed it on this cluster
// (never the requester), approves (and grants) or denies; the service applies the rule of request-permissions.ts.
export const POST = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster, requestId } = accessRequestParamsSchema.parse(await params)
  const input = accessRequestDecisionSchema.parse(body)
  return Response.json(await decideAccessRequest({ region, cluster }, requestId, input, session.user))
})
