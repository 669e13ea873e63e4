import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { loadClusterIdentityFacts } from '@/lib/workload-identity/server/cluster-identity-facts'
import { createClusterOidcProvider } from '@/lib/workload-identity/server/trust-fix-service'

type Params = { region: string; cluster: string }

// GET /api/clusters/:region/:cluster/oidc-provider — the issuer and whether IAM has a provider for it.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const facts = await loadClusterIdentityFacts({ region, name: cluster })
  return Response.json({ issuer: facts.oidcIssuer, provider: facts.oidcProvider })
})

// POST …/oidc-provider — CreateOpenIDConnectProvider for the cluster's issuer, client ID sts.amazonaws.com.
export const POST = withRole<Params>('editor', async ({ params, session }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await createClusterOidcProvider({ region, name: cluster }, session.user), { status: 201 })
})
