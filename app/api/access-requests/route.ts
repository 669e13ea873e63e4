import { withRole } from '@/lib/api/server/with-role'
import { listPendingRequests } from '@/lib/time-bound/server/access-request-service'

// GET /api/access-requests — every pending access request (the badge of pending work).
export const GET = withRole('viewer', async () => Response.json({ requests: await listPendingRequests() }))
