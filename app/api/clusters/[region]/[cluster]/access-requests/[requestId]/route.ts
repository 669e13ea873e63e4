import { withRole } from '@/lib/api/server/with-role'
import { accessRequestParamsSchema } from '@/lib/time-bound/access-request-schema'
import { getAccessRequest } from '@/lib/time-bound/server/access-request-service'

type Params = { region: string; cluster: string; requestId: string }

// GET …/access-requests/:requestId — one request (a deep link), with what the signed-in person may do with it.
export const GET = withRole<Params>('viewer', async ({ params, session }) => {
  const { region, cluster, requestId } = accessRequestParamsSchema.parse(await params)
  return Response.json(await getAccessRequest({ region, cluster }, requestId, session.user))
})
