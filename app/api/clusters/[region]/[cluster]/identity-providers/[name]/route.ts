import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { identityProviderNameSchema } from '@/lib/identity-providers/identity-provider-schema'
import { removeIdentityProvider } from '@/lib/identity-providers/server/identity-provider-service'

type Params = { region: string; cluster: string; name: string }
const paramsSchema = clusterParamsSchema.extend(identityProviderNameSchema.shape)

// DELETE …/identity-providers/:name — DisassociateIdentityProviderConfig (admins); answers the update to poll.
export const DELETE = withRole<Params>('admin', async ({ params, session }) => {
  const { region, cluster, name } = paramsSchema.parse(await params)
  return Response.json(await removeIdentityProvider({ region, name: cluster }, name, session.user), { status: 202 })
})
