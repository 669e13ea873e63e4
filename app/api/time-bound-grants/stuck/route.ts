import { withRole } from '@/lib/api/server/with-role'
import { listStuckGrants } from '@/lib/time-bound/server/time-bound-service'

// GET /api/time-bound-grants/stuck — grants whose revocation keeps failing (the banner on every page).
export const GET = withRole('viewer', async () => Response.json({ grants: await listStuckGrants() }))
