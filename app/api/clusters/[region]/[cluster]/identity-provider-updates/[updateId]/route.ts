import { updateParamsSchema } from '@/lib/access/access-entry-params'
import { withRole } from '@/lib/api/server/with-role'
import { getIdentityProviderUpdate } from '@/lib/identity-providers/server/identity-provider-service'

// GET …/identity-provider-updates/:updateId — DescribeUpdate, polled while an association or disassociation runs.
export const GET = withRole<{ region: string; cluster: string; updateId: string }>('viewer', async ({ params }) => {
  const { region, cluster, updateId } = updateParamsSchema.parse(await params)
  return Response.json(await getIdentityProviderUpdate({ region, name: cluster }, updateId))
})
