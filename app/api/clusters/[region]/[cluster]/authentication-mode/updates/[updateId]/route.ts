import { updateParamsSchema } from '@/lib/access/access-entry-params'
import { getClusterUpdate } from '@/lib/access/server/authentication-mode-state'
import { withRole } from '@/lib/api/server/with-role'

// GET …/authentication-mode/updates/:updateId — DescribeUpdate, polled until the switch completes.
export const GET = withRole<{ region: string; cluster: string; updateId: string }>('viewer', async ({ params }) => {
  const { region, cluster, updateId } = updateParamsSchema.parse(await params)
  return Response.json(await getClusterUpdate(region, cluster, updateId))
})
