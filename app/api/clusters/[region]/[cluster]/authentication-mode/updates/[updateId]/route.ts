import { withRole } from '@/lib/api/server/with-role'
import { updateParamsSchema } from '@/lib/access/access-entry-params'
import { describeClusterUpdate } from '@/lib/aws/authentication-mode'

// GET …/authentication-mode/updates/:updateId — DescribeUpdate, polled until the switch completes.
export const GET = withRole<{ region: string; cluster: string; updateId: string }>('viewer', async ({ params }) => {
  const { region, cluster, updateId } = updateParamsSchema.parse(await params)
  return Response.json(await describeClusterUpdate(region, cluster, updateId))
})
