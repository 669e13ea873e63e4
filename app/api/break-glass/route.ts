import { withRole } from '@/lib/api/server/with-role'
import { listActiveBreakGlass } from '@/lib/time-bound/server/break-glass-service'

// GET /api/break-glass — break-glass access in force on any cluster (the banner on every page).
export const GET = withRole('viewer', async () => Response.json({ grants: await listActiveBreakGlass() }))
