import 'server-only'

import { ConsoleError } from '@/lib/api/console-error'
import { describeEksCluster } from '@/lib/aws/eks-clusters'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { listClusterIdentityProviders } from '@/lib/identity-providers/server/identity-provider-service'
import { serializeKubeconfig, type KubeconfigDocument } from '@/lib/kubeconfig/build-kubeconfig'
import type { GeneratedKubeconfig } from '@/lib/kubeconfig/generated-kubeconfig'
import { buildOidcKubeconfig } from '@/lib/kubeconfig/oidc-kubeconfig'

/**
 * The kubeconfig of a person who signs in through one of the cluster's OIDC providers (kubelogin exec plugin). Holds
 * no secret: the plugin runs the IdP's sign-in on the person's machine.
 */
export async function generateOidcKubeconfig(ref: ClusterRef, providerName: string): Promise<GeneratedKubeconfig> {
  const [cluster, providers] = await Promise.all([
    describeEksCluster(ref.region, ref.name),
    listClusterIdentityProviders(ref),
  ])
  const provider = providers.find((p) => p.name === providerName)
  if (!provider) throw new ConsoleError('not_found', `No identity provider ${providerName} on ${ref.name}.`)
  if (!cluster.endpoint || !cluster.certificateAuthority?.data || !cluster.arn)
    throw new ConsoleError(
      'conflict',
      `${ref.name} has no endpoint yet: a kubeconfig can be written once it is ACTIVE.`,
    )
  const doc = buildOidcKubeconfig(
    { name: ref.name, arn: cluster.arn, endpoint: cluster.endpoint, caData: cluster.certificateAuthority.data },
    provider,
  )
  return {
    // The document has kubectl's shape plus the exec's interactiveMode, which the serializer writes as is.
    yaml: serializeKubeconfig(doc as unknown as KubeconfigDocument),
    fileName: `${ref.name}-${provider.name}-oidc.kubeconfig`,
    contextName: doc['current-context'],
    command: 'kubectl krew install oidc-login',
  }
}
