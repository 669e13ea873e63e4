// Which access entries EKS owns. The console shows them read-only: Auto Mode controllers and nodes depend on them,
// non-STANDARD entries reject group and policy edits, and EKS refuses changes to service-linked-role entries
// ("The caller is not allowed to modify access entries with a principalArn value of a Service Linked Role").
import { normalizeAccessEntryType } from './access-entry-type'
import { isServiceLinkedRole } from './arn'
import { accessPolicyNameFromArn, findAccessPolicy } from './policy-catalogue'

/** The parts of an access entry this check needs. */
export type ManagedEntryInput = { principalArn: string; type: string; username?: string; policyArns: string[] }

/** The parts of a cluster this check needs (from DescribeCluster computeConfig). */
export type ManagedEntryCluster = { autoMode: boolean; nodeRoleArn?: string }

/** The capability policies EKS Auto Mode associates with the cluster IAM role's entry. */
const AUTO_MODE_CLUSTER_POLICIES = new Set([
  'AmazonEKSComputeClusterPolicy',
  'AmazonEKSBlockStorageClusterPolicy',
  'AmazonEKSLoadBalancingClusterPolicy',
  'AmazonEKSNetworkingClusterPolicy',
])

function policyNames(policyArns: readonly string[]): string[] {
  return policyArns.map((arn) => accessPolicyNameFromArn(arn) ?? findAccessPolicy(arn)?.name ?? arn)
}

function sameArn(a: string | undefined, b: string): boolean {
  // IAM ARNs compare case-insensitively in aws-iam-authenticator (strings.EqualFold); do the same here.
  return a !== undefined && a.toLowerCase() === b.toLowerCase()
}

/**
 * Returns why EKS manages this entry (one sentence for the person who wanted to change it), or undefined when the
 * entry is the customer's own. Custom Auto Mode node roles (type EC2, not the cluster's nodeRoleArn) are reported as
 * node entries: nodes authenticate with them even though the customer created them.
 */
export function eksManagedReason(entry: ManagedEntryInput, cluster: ManagedEntryCluster): string | undefined {
  const type = normalizeAccessEntryType(entry.type)
  const names = policyNames(entry.policyArns)
  if (isServiceLinkedRole(entry.principalArn)) {
    return 'This entry belongs to an AWS service-linked role; EKS manages it and rejects any change to it.'
  }
  if (entry.username === 'eks:managed') {
    return 'EKS created this entry for its own service role (username eks:managed) to run cluster insights and events; it must not change.'
  }
  if (type === 'EC2' && names.includes('AmazonEKSAutoNodePolicy')) {
    const isBuiltInNodeRole = cluster.nodeRoleArn === undefined || sameArn(cluster.nodeRoleArn, entry.principalArn)
    if (cluster.autoMode && isBuiltInNodeRole) {
      return 'EKS Auto Mode created this entry for the node role of its built-in node pools; changing or deleting it stops Auto Mode nodes from joining.'
    }
  }
  if (names.some((name) => AUTO_MODE_CLUSTER_POLICIES.has(name))) {
    return 'EKS Auto Mode created this entry for the cluster IAM role so its compute, storage, load-balancing and networking controllers can work; changing it breaks Auto Mode.'
  }
  if (type !== undefined && type !== 'STANDARD') {
    return `Nodes use this ${type} entry to join the cluster; EKS sets its Kubernetes groups, it cannot take access policies, and deleting it can make nodes fail to register.`
  }
  return undefined
}
