import { describe, expect, it } from 'vitest'

import { decideManagedEntry, type ManagedEntryEvidence, type ManagedEntryInput } from './managed-entries'

const A = '111122223333'
const role = (name: string) => `arn:aws:iam::${A}:role/${name}`
const none: ManagedEntryEvidence = { autoMode: false, nodegroups: [], fargateProfiles: [] }
const mlAuto: ManagedEntryEvidence = {
  autoMode: true,
  clusterRoleArn: role('AmazonEKSAutoClusterRole'),
  autoModeNodeRoleArn: role('AmazonEKSAutoNodeRole'),
  nodegroups: [],
  fargateProfiles: [],
}
const prodWeb: ManagedEntryEvidence = {
  autoMode: false,
  clusterRoleArn: role('eksClusterRole'),
  nodegroups: [
    { name: 'general', nodeRoleArn: role('eksNodeRole') },
    { name: 'spot-batch', nodeRoleArn: role('eksNodeRole') },
    { name: 'gpu', nodeRoleArn: role('GpuNodeRole') },
  ],
  fargateProfiles: [{ name: 'fp-1', podExecutionRoleArn: role('FargatePods') }],
}
const entry = (principalArn: string, type = 'STANDARD'): ManagedEntryInput => ({ principalArn, type })

describe('decideManagedEntry', () => {
  it.each<[string, ManagedEntryInput, ManagedEntryEvidence, RegExp | null, RegExp | null]>([
    // [case, entry, evidence, managed reason, node warning]
    ['a team role', entry(role('TeamADeveloper')), mlAuto, null, null],
    [
      'a service-linked role',
      entry(`arn:aws:iam::${A}:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS`),
      none,
      /^Service-linked role/,
      null,
    ],
    ['the Auto Mode cluster role', entry(role('AmazonEKSAutoClusterRole')), mlAuto, /^Auto Mode cluster role/, null],
    ['the cluster role of a cluster without Auto Mode', entry(role('eksClusterRole')), prodWeb, null, null],
    ['the Auto Mode node role', entry(role('AmazonEKSAutoNodeRole'), 'EC2'), mlAuto, /^Auto Mode node role/, null],
    [
      'a custom NodeClass role (EC2, not computeConfig.nodeRoleArn)',
      entry(role('MlAutoCustomNodeRole'), 'EC2'),
      mlAuto,
      null,
      /NodeClass role/,
    ],
    [
      'the node role of a managed node group',
      entry(role('GpuNodeRole'), 'EC2_LINUX'),
      prodWeb,
      /^Node role of managed node group gpu:/,
      null,
    ],
    [
      'a node role shared by two node groups',
      entry(role('eksNodeRole'), 'EC2_LINUX'),
      prodWeb,
      /^Node role of managed node groups general and spot-batch:/,
      null,
    ],
    [
      'a node role compared case-insensitively',
      entry(role('gpunoderole'), 'EC2_LINUX'),
      prodWeb,
      /node group gpu/,
      null,
    ],
    ['a STANDARD entry for a node group role', entry(role('GpuNodeRole')), prodWeb, null, null],
    [
      'a Fargate pod execution role',
      entry(role('FargatePods'), 'FARGATE_LINUX'),
      prodWeb,
      /^Pod execution role of Fargate profile fp-1:/,
      null,
    ],
    [
      'self-managed nodes (no node group uses the role)',
      entry(role('SelfManaged'), 'EC2_LINUX'),
      prodWeb,
      null,
      /EC2_LINUX/,
    ],
    ['Windows nodes, CLI spelling', entry(role('Win'), 'EC2_Windows'), prodWeb, null, /EC2_WINDOWS/],
    ['hybrid nodes', entry(role('Hybrid'), 'HYBRID_LINUX'), none, null, /HYBRID_LINUX/],
    ['a Fargate entry no profile uses', entry(role('OldFargate'), 'FARGATE_LINUX'), prodWeb, null, /FARGATE_LINUX/],
    [
      'an Auto Mode node role on a cluster whose Auto Mode is off',
      entry(role('AmazonEKSAutoNodeRole'), 'EC2'),
      { ...mlAuto, autoMode: false },
      null,
      /NodeClass/,
    ],
  ])('%s', (_case, input, evidence, reason, warning) => {
    const decision = decideManagedEntry(input, evidence)
    if (reason) expect(decision.managedReason).toMatch(reason)
    else expect(decision.managedReason).toBeNull()
    if (warning) expect(decision.nodeWarning).toMatch(warning)
    else expect(decision.nodeWarning).toBeNull()
  })
})
