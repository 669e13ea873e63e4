import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { identityProviderNameSchema } from '@/lib/identity-providers/identity-provider-schema'
import { generateOidcKubeconfig } from '@/lib/kubeconfig/server/oidc-kubeconfig-service'

// GET …/kubeconfig/oidc?provider=<name> — the kubeconfig of an OIDC user (kubelogin). Viewers may: no secret in it.
export const GET = withRole<{ region: string; cluster: string }>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const { name } = identityProviderNameSchema.parse({ name: new URL(req.url).searchParams.get('provider') ?? '' })
  return Response.json(await generateOidcKubeconfig({ region, name: cluster }, name))
})
