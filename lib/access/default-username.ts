// The Kubernetes username EKS assigns when CreateAccessEntry omits `username` (EKS user guide, access entries:
// "default username" table; CLI samples confirm the STANDARD role form).
import { normalizeAccessEntryType, type AccessEntryType } from './access-entry-type'
import { parseArn } from './arn'

/**
 * Returns the username EKS assigns by default, or undefined when the principal/type pair is not one EKS accepts.
 * Roles get the STS session form with the path stripped, because STS session ARNs never carry the role's path.
 */
export function defaultUsername(principalArn: string, type: string = 'STANDARD'): string | undefined {
  const normalized = normalizeAccessEntryType(type)
  const arn = parseArn(principalArn)
  if (!normalized || arn?.service !== 'iam') return undefined
  switch (normalized) {
    case 'STANDARD':
      if (arn.resourceType === 'user') return principalArn
      if (arn.resourceType === 'role')
        return `arn:${arn.partition}:sts::${arn.account}:assumed-role/${arn.name}/{{SessionName}}`
      return undefined
    case 'EC2_LINUX':
    case 'EC2_WINDOWS':
    // EC2 (Auto Mode) and HYPERPOD_LINUX: UNVERIFIED; EC2-backed nodes, so presumably the same node form.
    case 'EC2':
    case 'HYPERPOD_LINUX':
      return arn.resourceType === 'role' ? 'system:node:{{EC2PrivateDNSName}}' : undefined
    case 'FARGATE_LINUX':
    case 'HYBRID_LINUX':
      // Fargate and hybrid nodes assume the role with the node name as the session name.
      return arn.resourceType === 'role' ? 'system:node:{{SessionName}}' : undefined
  }
}

const DESCRIPTIONS: Record<AccessEntryType, string> = {
  STANDARD:
    'A person or workload (IAM role or user, any account). Gets Kubernetes access from associated access policies and/or RBAC bindings to its username and groups.',
  EC2_LINUX:
    'Self-managed Amazon Linux or Bottlerocket nodes. EKS adds them to system:nodes; no access policies or custom groups.',
  EC2_WINDOWS: 'Self-managed Windows nodes. EKS adds them to system:nodes; no access policies or custom groups.',
  FARGATE_LINUX:
    'The Fargate pod execution role, so Fargate nodes can join the cluster. No access policies or custom groups.',
  HYBRID_LINUX: 'EKS Hybrid Nodes running in your own data centre. No access policies or custom groups.',
  EC2: 'Nodes launched by EKS Auto Mode with a custom node role. Associate AmazonEKSAutoNodePolicy so the nodes can run.',
  HYPERPOD_LINUX: 'Nodes of a SageMaker HyperPod cluster orchestrated by this EKS cluster.',
}

/** Returns a plain-English description of an access entry type (unknown types get a neutral sentence). */
export function describeAccessEntryType(type: string): string {
  const normalized = normalizeAccessEntryType(type)
  return normalized ? DESCRIPTIONS[normalized] : `An access entry of type ${type}, which this console does not know.`
}
