import 'server-only'

import { ConsoleError } from '@/lib/api/console-error'
import { readPodIdentityAgent, toClusterSummary } from '@/lib/aws/cluster-mappers'
import { listAddons, listNodegroups } from '@/lib/aws/eks-cluster-parts'
import { describeEksCluster } from '@/lib/aws/eks-clusters'
import type { ClusterOverview } from '@/lib/clusters/cluster-schemas'
import { env } from '@/lib/env'

/**
 * Everything the overview page shows about one cluster: DescribeCluster plus its node groups and add-ons.
 * Throws a `not_found` ConsoleError ("No cluster named X in us-west-2.") for an unknown cluster.
 */
export async function describeClusterOverview(region: string, name: string): Promise<ClusterOverview> {
  // The console only manages the regions it was configured for; any other region is simply not there.
  if (!env.consoleRegions.includes(region)) {
    throw new ConsoleError('not_found', `No cluster named ${name} in ${region} (not one of CONSOLE_REGIONS).`)
  }
  // Describe first: an unknown cluster should answer 404 once, not race three calls into three errors.
  const cluster = await describeEksCluster(region, name)
  const [nodegroups, addons] = await Promise.all([listNodegroups(region, name), listAddons(region, name)])
  const summary = toClusterSummary(cluster, region, name)
  return {
    ...summary,
    endpoint: cluster.endpoint ?? null,
    oidcIssuer: cluster.identity?.oidc?.issuer ?? null,
    roleArn: cluster.roleArn ?? null,
    bootstrapClusterCreatorAdminPermissions: cluster.accessConfig?.bootstrapClusterCreatorAdminPermissions ?? null,
    computeConfig: {
      enabled: cluster.computeConfig?.enabled === true,
      nodePools: cluster.computeConfig?.nodePools ?? [],
      nodeRoleArn: cluster.computeConfig?.nodeRoleArn ?? null,
    },
    nodegroups,
    addons,
    podIdentityAgent: readPodIdentityAgent(summary.autoMode, addons),
    tags: cluster.tags ?? {},
  }
}
