import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { addIdentityProvider, getIdentityProviders } from '@/lib/identity-providers/server/identity-provider-service'

type Params = { region: string; cluster: string }

// GET …/identity-providers — the cluster's OIDC identity provider configs with their status.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await getIdentityProviders({ region, name: cluster }))
})

// POST …/identity-providers — AssociateIdentityProviderConfig (admins: it lets a whole IdP's people authenticate).
export const POST = withRole<Params>('admin', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await addIdentityProvider({ region, name: cluster }, body, session.user), { status: 202 })
})
