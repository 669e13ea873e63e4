import 'server-only'

import { parseArn } from '@/lib/access/arn'
import { ConsoleError } from '@/lib/api/console-error'
import { POD_IDENTITY_AGENT_ADDON } from '@/lib/aws/cluster-mappers'
import { listAddons } from '@/lib/aws/eks-cluster-parts'
import { describeEksCluster } from '@/lib/aws/eks-clusters'
import { findOidcProvider } from '@/lib/aws/iam-oidc-providers'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { env } from '@/lib/env'
import type { ClusterIdentityFacts } from '@/lib/workload-identity/workload-identity-schemas'

/**
 * What every mapping's checks share: the cluster's ARN and account, Auto Mode (agent built in, docs/pod-identity.md#agent), the
 * eks-pod-identity-agent add-on and its status, the OIDC issuer and whether IAM has a provider for it.
 */
export async function loadClusterIdentityFacts(ref: ClusterRef): Promise<ClusterIdentityFacts> {
  if (!env.consoleRegions.includes(ref.region)) {
    throw new ConsoleError('not_found', `No cluster named ${ref.name} in ${ref.region} (not one of CONSOLE_REGIONS).`)
  }
  const cluster = await describeEksCluster(ref.region, ref.name)
  const arn = cluster.arn ?? ''
  const account = parseArn(arn)?.account ?? ''
  const issuer = cluster.identity?.oidc?.issuer ?? null
  const [addons, oidcProvider] = await Promise.all([
    listAddons(ref.region, ref.name),
    issuer ? findOidcProvider(ref.region, account, issuer) : Promise.resolve(null),
  ])
  const agent = addons.find((a) => a.name === POD_IDENTITY_AGENT_ADDON)
  const autoMode = cluster.computeConfig?.enabled === true
  return {
    region: ref.region,
    name: ref.name,
    arn,
    account,
    autoMode,
    oidcIssuer: issuer,
    agent: agent
      ? { source: 'addon', status: agent.status, version: agent.version }
      : { source: autoMode ? 'built-in' : 'missing', status: null, version: null },
    oidcProvider,
  }
}
