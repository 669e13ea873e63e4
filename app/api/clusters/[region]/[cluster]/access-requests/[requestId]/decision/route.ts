import { z } from 'zod'

import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { accessRequestDecisionSchema } from '@/lib/time-bound/access-request-schema'
import { decideAccessRequest } from '@/lib/time-bound/server/access-request-service'

type Params = { region: string; cluster: string; requestId: string }
const paramsSchema = clusterParamsSchema.extend({ requestId: z.uuid({ error: 'Not an access request id.' }) })

// POST …/access-requests/:requestId/decision — an admin (never the requester) approves (and grants) or denies.
export const POST = withRole<Params>('admin', async ({ params, session, body }) => {
  const { region, cluster, requestId } = paramsSchema.parse(await params)
  const input = accessRequestDecisionSchema.parse(body)
  return Response.json(await decideAccessRequest({ region, cluster }, requestId, input, session.user))
})
