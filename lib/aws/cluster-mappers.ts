import 'server-only'

import type { Cluster, Addon as SdkAddon, Nodegroup as SdkNodegroup } from '@aws-sdk/client-eks'

import type {
  Addon,
  AuthenticationMode,
  ClusterSummary,
  Nodegroup,
  PodIdentityAgent,
} from '@/lib/clusters/cluster-schemas'

/** The add-on that runs the Pod Identity agent DaemonSet on managed and self-managed nodes. */
export const POD_IDENTITY_AGENT_ADDON = 'eks-pod-identity-agent'

const isoOrNull = (date: Date | undefined) => (date ? date.toISOString() : null)

/** An absent accessConfig means CONFIG_MAP: that is the default for clusters created through the API or SDK. */
export function readAuthenticationMode(cluster: Cluster): AuthenticationMode {
  const mode = cluster.accessConfig?.authenticationMode
  return mode === 'API' || mode === 'API_AND_CONFIG_MAP' ? mode : 'CONFIG_MAP'
}

/** Maps a DescribeCluster result to an inventory row. */
export function toClusterSummary(cluster: Cluster, region: string, fallbackName: string): ClusterSummary {
  return {
    name: cluster.name ?? fallbackName,
    region,
    arn: cluster.arn ?? null,
    status: cluster.status ?? 'UNKNOWN',
    version: cluster.version ?? null,
    platformVersion: cluster.platformVersion ?? null,
    authenticationMode: readAuthenticationMode(cluster),
    // Auto Mode turns compute, block storage and load balancing on together; computeConfig.enabled is the marker.
    autoMode: cluster.computeConfig?.enabled === true,
    createdAt: isoOrNull(cluster.createdAt),
  }
}

/** Maps a DescribeNodegroup result to the overview's node-group DTO. */
export function toNodegroup(nodegroup: SdkNodegroup, fallbackName: string): Nodegroup {
  return {
    name: nodegroup.nodegroupName ?? fallbackName,
    status: nodegroup.status ?? 'UNKNOWN',
    version: nodegroup.version ?? null,
    releaseVersion: nodegroup.releaseVersion ?? null,
    amiType: nodegroup.amiType ?? null,
    capacityType: nodegroup.capacityType ?? null,
    instanceTypes: nodegroup.instanceTypes ?? [],
    desiredSize: nodegroup.scalingConfig?.desiredSize ?? null,
    minSize: nodegroup.scalingConfig?.minSize ?? null,
    maxSize: nodegroup.scalingConfig?.maxSize ?? null,
    nodeRoleArn: nodegroup.nodeRole ?? null,
  }
}

/** Maps a DescribeAddon result to the overview's add-on DTO. */
export function toAddon(addon: SdkAddon, fallbackName: string): Addon {
  const name = addon.addonName ?? fallbackName
  return {
    name,
    version: addon.addonVersion ?? null,
    status: addon.status ?? 'UNKNOWN',
    serviceAccountRoleArn: addon.serviceAccountRoleArn ?? null,
    isPodIdentityAgent: name === POD_IDENTITY_AGENT_ADDON,
  }
}

/**
 * Auto Mode nodes run the Pod Identity agent themselves (the add-on's DaemonSet even excludes
 * `eks.amazonaws.com/compute-type: auto`), so an Auto Mode cluster needs no add-on.
 */
export function readPodIdentityAgent(autoMode: boolean, addons: readonly Addon[]): PodIdentityAgent {
  if (addons.some((addon) => addon.isPodIdentityAgent)) return 'addon'
  return autoMode ? 'built-in' : 'missing'
}
