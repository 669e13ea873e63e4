// What an aws-auth row grants, in the words of the EKS user guide
// (https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html): EKS writes node-role rows as
// system:node:{{EC2PrivateDNSName}} in system:bootstrappers + system:nodes (+ eks:kube-proxy-windows on Windows) and
// Fargate pod-execution-role rows as system:node:{{SessionName}} with system:node-proxier as well.

export type AwsAuthMeaning =
  'node' | 'windows-node' | 'fargate' | 'admin' | 'rbac-groups' | 'identity-only' | 'account' | 'unreadable'

/** Short labels for the table's "Meaning" column. */
export const awsAuthMeaningLabels: Record<AwsAuthMeaning, string> = {
  node: 'Node role (Linux)',
  'windows-node': 'Node role (Windows)',
  fargate: 'Fargate pod execution role',
  admin: 'Cluster admin via system:masters',
  'rbac-groups': 'RBAC groups',
  'identity-only': 'Signs in, no groups',
  account: 'Every principal of the account',
  unreadable: 'Ignored by the authenticator',
}

/** Classifies one mapping by its username and groups (the ARN alone says nothing about its use). */
export function classifyAwsAuthMapping(mapping: {
  arn: string
  username?: string
  groups: readonly string[]
}): AwsAuthMeaning {
  if (mapping.arn === '') return 'unreadable'
  const groups = new Set(mapping.groups)
  if (groups.has('system:masters')) return 'admin'
  if (mapping.username === 'system:node:{{EC2PrivateDNSName}}' && groups.has('system:nodes')) {
    return groups.has('eks:kube-proxy-windows') ? 'windows-node' : 'node'
  }
  if (mapping.username === 'system:node:{{SessionName}}' && groups.has('system:nodes')) return 'fargate'
  return groups.size > 0 ? 'rbac-groups' : 'identity-only'
}

/** Meanings whose removal stops workloads: nodes cannot join or Fargate pods cannot start. */
export function isWorkloadMeaning(meaning: AwsAuthMeaning): boolean {
  return meaning === 'node' || meaning === 'windows-node' || meaning === 'fargate'
}
