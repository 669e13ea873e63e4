import { withRole } from '@/lib/api/server/with-role'
import { accessRequestFilterSchema } from '@/lib/time-bound/access-request-schema'
import { listAccessRequests } from '@/lib/time-bound/server/access-request-service'

// GET /api/access-requests?status=pending|decided|expired|all — every cluster's requests (the Requests page and the
// badge of pending work), each with what the signed-in person may do with it.
export const GET = withRole('viewer', async ({ req, session }) => {
  const filter = accessRequestFilterSchema.parse(new URL(req.url).searchParams.get('status') ?? undefined)
  return Response.json({ requests: await listAccessRequests(session.user, filter) })
})
