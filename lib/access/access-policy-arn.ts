// Access-policy ARNs without the catalogue's data, for pages that only name a policy (docs/client-bundle.md).

/** Builds the ARN of an access policy in the `aws` partition. */
export function accessPolicyArn(name: string, partition = 'aws'): string {
  return `arn:${partition}:eks::aws:cluster-access-policy/${name}`
}

/** The one policy an EKS Auto Mode node role's EC2 entry takes (docs/authentication-modes.md#auto-mode-entries). */
export const AUTO_NODE_POLICY_ARN = accessPolicyArn('AmazonEKSAutoNodePolicy')
