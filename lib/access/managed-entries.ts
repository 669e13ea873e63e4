// Which access entries EKS owns, decided from evidence about the cluster rather than from the entry's type. EKS
// creates entries itself only for: the EKS Auto Mode cluster IAM role (with its Compute, BlockStorage, LoadBalancing
// and Networking cluster policies) and the node role in computeConfig.nodeRoleArn
// (https://docs.aws.amazon.com/eks/latest/userguide/auto-learn-iam.html), the node roles of managed node groups and
// the pod execution roles of Fargate profiles
// (https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html), and service-linked roles, whose
// entries EKS refuses to change ("The caller is not allowed to modify access entries with a principalArn value of a
// Service Linked Role"). Every other entry — a custom NodeClass role's EC2 entry included — is the customer's own.
import { isNodeAccessEntryType, normalizeAccessEntryType } from './access-entry-type'
import { isServiceLinkedRole } from './arn'

/** The parts of an access entry this decision needs. */
export type ManagedEntryInput = { principalArn: string; type: string }

/** What the cluster says about the roles EKS created entries for (DescribeCluster, node groups, Fargate profiles). */
export type ManagedEntryEvidence = {
  autoMode: boolean
  /** DescribeCluster roleArn: the cluster IAM role. */
  clusterRoleArn?: string
  /** DescribeCluster computeConfig.nodeRoleArn: the node role of Auto Mode's built-in node pools. */
  autoModeNodeRoleArn?: string
  /** DescribeNodegroup of every managed node group. */
  nodegroups: readonly { name: string; nodeRoleArn: string | null }[]
  /** DescribeFargateProfile of every Fargate profile. */
  fargateProfiles: readonly { name: string; podExecutionRoleArn: string | null }[]
}

/** Why EKS manages an entry (a sentence naming the evidence), or a warning for an entry that is the customer's. */
export type ManagedEntryDecision = { managedReason: string | null; nodeWarning: string | null }

function sameArn(a: string | null | undefined, b: string): boolean {
  // IAM ARNs compare case-insensitively in aws-iam-authenticator (strings.EqualFold); do the same here.
  return typeof a === 'string' && a.toLowerCase() === b.toLowerCase()
}

function names(list: readonly string[]): string {
  return list.length === 1 ? (list[0] as string) : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`
}

/**
 * Decides whether EKS manages an access entry, from the cluster's evidence alone (pure, so each case is a table row).
 * Node roles count only for node-type entries: EKS writes EC2_LINUX / EC2_WINDOWS / FARGATE_LINUX / EC2 entries for
 * them, so a STANDARD entry for the same role is one the customer added. An unmanaged node-type entry gets a warning
 * instead of a lock: nodes (a custom NodeClass, self-managed or hybrid nodes) may still join with it.
 */
export function decideManagedEntry(entry: ManagedEntryInput, evidence: ManagedEntryEvidence): ManagedEntryDecision {
  const arn = entry.principalArn
  const type = normalizeAccessEntryType(entry.type)
  const nodeType = type !== undefined && isNodeAccessEntryType(type)
  const managed = (managedReason: string): ManagedEntryDecision => ({ managedReason, nodeWarning: null })

  if (isServiceLinkedRole(arn)) {
    return managed('Service-linked role: EKS created this entry for an AWS service and rejects any change to it.')
  }
  if (evidence.autoMode && type === 'STANDARD' && sameArn(evidence.clusterRoleArn, arn)) {
    return managed(
      'Auto Mode cluster role: EKS created this entry with the Compute, BlockStorage, LoadBalancing and Networking cluster policies its Auto Mode controllers need; changing it breaks Auto Mode.',
    )
  }
  if (evidence.autoMode && type === 'EC2' && sameArn(evidence.autoModeNodeRoleArn, arn)) {
    return managed(
      "Auto Mode node role: the cluster's computeConfig.nodeRoleArn, used by the built-in node pools; changing or deleting it stops their nodes from joining.",
    )
  }
  if (nodeType && type !== 'FARGATE_LINUX') {
    const groups = evidence.nodegroups.filter((g) => sameArn(g.nodeRoleArn, arn)).map((g) => g.name)
    if (groups.length > 0) {
      const what = groups.length === 1 ? 'managed node group' : 'managed node groups'
      return managed(
        `Node role of ${what} ${names(groups)}: EKS created this entry with the node group; deleting it stops its nodes from joining.`,
      )
    }
  }
  if (type === 'FARGATE_LINUX') {
    const profiles = evidence.fargateProfiles.filter((p) => sameArn(p.podExecutionRoleArn, arn)).map((p) => p.name)
    if (profiles.length > 0) {
      const what = profiles.length === 1 ? 'Fargate profile' : 'Fargate profiles'
      return managed(
        `Pod execution role of ${what} ${names(profiles)}: EKS created this entry with the profile; deleting it stops Fargate pods from starting.`,
      )
    }
  }
  if (nodeType) {
    return {
      managedReason: null,
      nodeWarning:
        type === 'EC2'
          ? 'Nodes may still join with this role (an Auto Mode NodeClass role): deleting the entry stops them from joining the cluster.'
          : `Nodes may still join with this ${type} role: deleting the entry stops them from joining the cluster.`,
    }
  }
  return { managedReason: null, nodeWarning: null }
}
