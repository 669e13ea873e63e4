import { withRole } from '@/lib/api/server/with-role'
import type { Whoami } from '@/lib/clusters/cluster-schemas'
import { env } from '@/lib/env'

// GET /api/session/whoami — the signed-in console user and their console role.
export const GET = withRole('viewer', async ({ session }) => {
  const body: Whoami = {
    user: { name: session.user.name, email: session.user.email },
    role: session.user.role,
    authMode: env.authMode,
  }
  return Response.json(body)
})
