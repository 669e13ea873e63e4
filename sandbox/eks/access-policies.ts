// The AWS-managed access policies ListAccessPolicies returns. Names from a 2026 `list-access-policies` output (33,
// docs/access-policies.md#the-list-grows) plus AmazonEKSClusterInsightsPolicy: EKS attaches that one to the AWSServiceRoleForAmazonEKS entry
// of newer clusters, and the sandbox seeds such an entry, so it must be a known policy here too.

export const ACCESS_POLICY_ARN_PREFIX = 'arn:aws:eks::aws:cluster-access-policy/'

export const ACCESS_POLICY_NAMES: readonly string[] = [
  'AIDevOpsAgentAccessPolicy',
  'AmazonAIOpsAssistantPolicy',
  'AmazonARCRegionSwitchScalingPolicy',
  'AmazonEKSACKPolicy',
  'AmazonEKSAdminPolicy',
  'AmazonEKSAdminViewPolicy',
  'AmazonEKSArgoCDClusterPolicy',
  'AmazonEKSArgoCDPolicy',
  'AmazonEKSAutoNodePolicy',
  'AmazonEKSBlockStorageClusterPolicy',
  'AmazonEKSBlockStoragePolicy',
  'AmazonEKSClusterAdminPolicy',
  'AmazonEKSClusterInsightsPolicy',
  'AmazonEKSComputeClusterPolicy',
  'AmazonEKSComputePolicy',
  'AmazonEKSEditPolicy',
  'AmazonEKSEventPolicy',
  'AmazonEKSHybridPolicy',
  'AmazonEKSKROPolicy',
  'AmazonEKSLoadBalancingClusterPolicy',
  'AmazonEKSLoadBalancingPolicy',
  'AmazonEKSNetworkingClusterPolicy',
  'AmazonEKSNetworkingPolicy',
  'AmazonEKSPodIdentityPolicy',
  'AmazonEKSSecretAdminPolicy',
  'AmazonEKSSecretReaderPolicy',
  'AmazonEKSViewPolicy',
  'AmazonEMRJobPolicy',
  'AmazonSagemakerHyperpodClusterPolicy',
  'AmazonSagemakerHyperpodControllerPolicy',
  'AmazonSagemakerHyperpodSpacePolicy',
  'AmazonSagemakerHyperpodSpaceTemplatePolicy',
  'AmazonSagemakerHyperpodSystemNamespacePolicy',
  'AmazonSagemakerHyperpodUserClusterPolicy',
]

const KNOWN_NAMES = new Set(ACCESS_POLICY_NAMES)

/** The access-policy ARN for a policy name: no region, no account (docs/access-policies.md#policy-arns). */
export function buildAccessPolicyArn(name: string): string {
  return `${ACCESS_POLICY_ARN_PREFIX}${name}`
}

/** Whether an ARN names one of the policies this sandbox lists. */
export function isKnownAccessPolicyArn(arn: string): boolean {
  return arn.startsWith(ACCESS_POLICY_ARN_PREFIX) && KNOWN_NAMES.has(arn.slice(ACCESS_POLICY_ARN_PREFIX.length))
}

/** Lists `{name, arn}` for every policy, sorted by name as ListAccessPolicies shows them. */
export function listAccessPolicyCatalogue(): { name: string; arn: string }[] {
  return ACCESS_POLICY_NAMES.map((name) => ({ name, arn: buildAccessPolicyArn(name) }))
}
