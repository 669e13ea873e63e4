import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { addClusterOidcClientId } from '@/lib/workload-identity/server/trust-fix-service'
import { addOidcClientIdSchema } from '@/lib/workload-identity/workload-identity-schemas'

type Params = { region: string; cluster: string }

// POST /api/clusters/:region/:cluster/oidc-provider/client-ids — AddClientIDToOpenIDConnectProvider on the cluster's
// provider: the token audience a service account uses (sts.amazonaws.com or its eks.amazonaws.com/audience).
export const POST = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const { audience } = addOidcClientIdSchema.parse(body)
  return Response.json(await addClusterOidcClientId({ region, name: cluster }, audience, session.user), {
    status: 201,
  })
})
