import { describe, expect, it } from 'vitest'
import { eksManagedReason, type ManagedEntryCluster, type ManagedEntryInput } from './managed-entries'
import { accessPolicyArn } from './policy-catalogue'

const A = '111122223333'
const autoCluster: ManagedEntryCluster = { autoMode: true, nodeRoleArn: `arn:aws:iam::${A}:role/AmazonEKSAutoNodeRole` }
const plainCluster: ManagedEntryCluster = { autoMode: false }
const entry = (over: Partial<ManagedEntryInput>): ManagedEntryInput => ({
  principalArn: `arn:aws:iam::${A}:role/TeamADeveloper`,
  type: 'STANDARD',
  policyArns: [],
  ...over,
})

describe('eksManagedReason', () => {
  it.each<[string, ManagedEntryInput, ManagedEntryCluster, RegExp | undefined]>([
    ['a team role', entry({ policyArns: [accessPolicyArn('AmazonEKSEditPolicy')] }), autoCluster, undefined],
    ['cluster admin', entry({ policyArns: [accessPolicyArn('AmazonEKSClusterAdminPolicy')] }), plainCluster, undefined],
    [
      'service-linked role',
      entry({ principalArn: `arn:aws:iam::${A}:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS` }),
      plainCluster,
      /service-linked/,
    ],
    ['eks:managed username', entry({ username: 'eks:managed' }), plainCluster, /eks:managed/],
    [
      'Auto Mode cluster role',
      entry({
        principalArn: `arn:aws:iam::${A}:role/AmazonEKSAutoClusterRole`,
        policyArns: [
          accessPolicyArn('AmazonEKSComputeClusterPolicy'),
          accessPolicyArn('AmazonEKSNetworkingClusterPolicy'),
        ],
      }),
      autoCluster,
      /cluster IAM role/,
    ],
    [
      'Auto Mode built-in node role',
      entry({
        principalArn: autoCluster.nodeRoleArn,
        type: 'EC2',
        policyArns: [accessPolicyArn('AmazonEKSAutoNodePolicy')],
      }),
      autoCluster,
      /built-in node pools/,
    ],
    [
      'custom Auto Mode node role',
      entry({
        principalArn: `arn:aws:iam::${A}:role/CustomNodeRole`,
        type: 'EC2',
        policyArns: [accessPolicyArn('AmazonEKSAutoNodePolicy')],
      }),
      autoCluster,
      /Nodes use this EC2 entry/,
    ],
    ['self-managed Linux nodes', entry({ type: 'EC2_LINUX' }), plainCluster, /EC2_LINUX/],
    ['Windows nodes, CLI spelling', entry({ type: 'EC2_Windows' }), plainCluster, /EC2_WINDOWS/],
    ['Fargate', entry({ type: 'FARGATE_LINUX' }), plainCluster, /FARGATE_LINUX/],
    ['hybrid', entry({ type: 'HYBRID_LINUX' }), plainCluster, /HYBRID_LINUX/],
  ])('%s', (_name, input, cluster, expected) => {
    const reason = eksManagedReason(input, cluster)
    if (expected === undefined) expect(reason).toBeUndefined()
    else expect(reason).toMatch(expected)
  })
})
