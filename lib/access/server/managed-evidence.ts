import 'server-only'

import type { ManagedEntryEvidence } from '@/lib/access/managed-entries'
import { listFargateProfileRoles, listNodegroups } from '@/lib/aws/eks-cluster-parts'

import type { ClusterAccessContext } from './cluster-access-context'

/**
 * Gathers what decides which access entries EKS manages: the cluster (already described) plus the node role of every
 * managed node group and the pod execution role of every Fargate profile. The access page and every write read the
 * same evidence, so a row the page shows as editable is one the routes let through, and the other way round. A
 * failure (no eks:ListNodegroups permission, say) fails the caller: without the evidence the console cannot tell.
 */
export async function loadManagedEvidence(cluster: ClusterAccessContext): Promise<ManagedEntryEvidence> {
  const [nodegroups, fargateProfiles] = await Promise.all([
    listNodegroups(cluster.region, cluster.name),
    listFargateProfileRoles(cluster.region, cluster.name),
  ])
  return {
    autoMode: cluster.autoMode,
    clusterRoleArn: cluster.clusterRoleArn,
    autoModeNodeRoleArn: cluster.nodeRoleArn,
    nodegroups: nodegroups.map((g) => ({ name: g.name, nodeRoleArn: g.nodeRoleArn })),
    fargateProfiles,
  }
}
