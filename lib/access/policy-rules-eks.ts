// Rules of the Auto Mode, hybrid and EKS-internal access policies. The EKS user guide's access-policy-reference
// names what each one is for, but the published facts (docs/access-policies.md#auto-mode-hybrid-and-eks-internal-policies) do not confirm the exact rule
// tables. Everything here except AmazonEKSHybridPolicy is UNVERIFIED: a careful reading of what the named controllers
// (Karpenter-style compute, EBS CSI, AWS Load Balancer Controller, VPC resource controller, node daemons) must do,
// kept as narrow as that reading allows so the sandbox never grants more than the real policy plausibly does.
import { defineRule, READ_VERBS, WRITE_VERBS, type PolicyRule } from './policy-rule'

const EVENT_WRITE = defineRule('', ['events'], ['create', 'patch', 'update'])
const EVENTS_K8S_WRITE = defineRule('events.k8s.io', ['events'], ['create', 'patch', 'update'])

/**
 * Leader-election lease rules. `create` cannot be limited by resourceNames (Kubernetes: the name is unknown at
 * authorization time for create), so create is granted on leases and the other verbs only on the named leases.
 * Lease names are UNVERIFIED.
 */
function defineLeaseRules(leaseNames: string[]): PolicyRule[] {
  return [
    defineRule('coordination.k8s.io', ['leases'], ['create']),
    defineRule('coordination.k8s.io', ['leases'], ['get', 'update', 'patch', 'delete', 'watch'], leaseNames),
  ]
}

/** AmazonEKSHybridPolicy: the AWS policy table shows one rule, list nodes in every API group. */
export const hybridRules: PolicyRule[] = [{ apiGroups: ['*'], resources: ['nodes'], verbs: ['list'] }]

/** AmazonEKSComputePolicy (lease policy) — per the AWS policy table: its leases plus get/watch on all leases. UNVERIFIED names. */
export const computeLeaseRules: PolicyRule[] = [
  ...defineLeaseRules(['karpenter-leader-election']),
  defineRule('coordination.k8s.io', ['leases'], ['get', 'watch']),
]

/** AmazonEKSBlockStoragePolicy (lease policy). UNVERIFIED lease names. */
export const blockStorageLeaseRules: PolicyRule[] = defineLeaseRules([
  'ebs-csi-aws-com',
  'external-attacher-leader-ebs-csi-aws-com',
  'external-resizer-ebs-csi-aws-com',
  'external-snapshotter-leader-ebs-csi-aws-com',
])

/** AmazonEKSLoadBalancingPolicy (lease policy). UNVERIFIED lease names. */
export const loadBalancingLeaseRules: PolicyRule[] = defineLeaseRules(['aws-load-balancer-controller-leader'])

/** AmazonEKSNetworkingPolicy (lease policy). UNVERIFIED lease names. */
export const networkingLeaseRules: PolicyRule[] = defineLeaseRules(['cp-vpc-resource-controller'])

/** AmazonEKSComputeClusterPolicy: NodePools, NodeClaims, NodeClasses, evictions, CRDs (docs/access-policies.md#auto-mode-hybrid-and-eks-internal-policies). UNVERIFIED. */
export const computeClusterRules: PolicyRule[] = [
  defineRule(
    'karpenter.sh',
    ['nodepools', 'nodepools/status', 'nodeclaims', 'nodeclaims/status'],
    [...WRITE_VERBS, ...READ_VERBS],
  ),
  defineRule('eks.amazonaws.com', ['nodeclasses', 'nodeclasses/status'], [...WRITE_VERBS, ...READ_VERBS]),
  defineRule('', ['nodes'], [...READ_VERBS, 'patch', 'update', 'delete']),
  defineRule('', ['pods', 'persistentvolumes', 'persistentvolumeclaims', 'namespaces'], READ_VERBS),
  defineRule('', ['pods/eviction'], ['create']),
  defineRule('apps', ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], READ_VERBS),
  defineRule('policy', ['poddisruptionbudgets'], READ_VERBS),
  defineRule('storage.k8s.io', ['storageclasses', 'csinodes', 'volumeattachments'], READ_VERBS),
  defineRule('apiextensions.k8s.io', ['customresourcedefinitions'], READ_VERBS),
  EVENT_WRITE,
  EVENTS_K8S_WRITE,
]

/** AmazonEKSBlockStorageClusterPolicy: CSI, PV/PVC, volumeattachments, snapshots (docs/access-policies.md#auto-mode-hybrid-and-eks-internal-policies). UNVERIFIED. */
export const blockStorageClusterRules: PolicyRule[] = [
  defineRule('', ['persistentvolumes'], [...READ_VERBS, 'create', 'delete', 'patch', 'update']),
  defineRule('', ['persistentvolumeclaims'], [...READ_VERBS, 'patch', 'update']),
  defineRule('', ['persistentvolumeclaims/status'], ['patch', 'update']),
  defineRule('', ['nodes', 'pods'], READ_VERBS),
  defineRule('storage.k8s.io', ['storageclasses', 'csinodes', 'csidrivers'], READ_VERBS),
  defineRule('storage.k8s.io', ['volumeattachments'], [...READ_VERBS, 'patch', 'update']),
  defineRule('storage.k8s.io', ['volumeattachments/status'], ['patch']),
  defineRule(
    'snapshot.storage.k8s.io',
    ['volumesnapshots', 'volumesnapshots/status', 'volumesnapshotcontents', 'volumesnapshotcontents/status'],
    [...WRITE_VERBS, ...READ_VERBS],
  ),
  defineRule('snapshot.storage.k8s.io', ['volumesnapshotclasses'], READ_VERBS),
  EVENT_WRITE,
]

/** AmazonEKSLoadBalancingClusterPolicy: services, ingresses, targetgroupbindings, webhooks (docs/access-policies.md#auto-mode-hybrid-and-eks-internal-policies). UNVERIFIED. */
export const loadBalancingClusterRules: PolicyRule[] = [
  defineRule('', ['services'], [...READ_VERBS, 'patch', 'update']),
  defineRule('', ['services/status'], ['patch', 'update']),
  defineRule('', ['endpoints', 'pods', 'nodes', 'namespaces'], READ_VERBS),
  defineRule('discovery.k8s.io', ['endpointslices'], READ_VERBS),
  defineRule('networking.k8s.io', ['ingresses'], [...READ_VERBS, 'patch', 'update']),
  defineRule('networking.k8s.io', ['ingresses/status'], ['patch', 'update']),
  // A user cleanup report says this policy grants no IngressClass write; read only.
  defineRule('networking.k8s.io', ['ingressclasses'], READ_VERBS),
  defineRule('eks.amazonaws.com', ['ingressclassparams', 'targetgroupbindings'], READ_VERBS),
  defineRule('elbv2.k8s.aws', ['targetgroupbindings', 'targetgroupbindings/status'], [...WRITE_VERBS, ...READ_VERBS]),
  defineRule(
    'admissionregistration.k8s.io',
    ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'],
    [...READ_VERBS, 'patch', 'update'],
  ),
  EVENT_WRITE,
]

/** AmazonEKSNetworkingClusterPolicy: cninodes, nodeclasses/claims read (docs/access-policies.md#auto-mode-hybrid-and-eks-internal-policies). UNVERIFIED. */
export const networkingClusterRules: PolicyRule[] = [
  defineRule('vpcresources.k8s.aws', ['cninodes'], [...WRITE_VERBS, ...READ_VERBS]),
  defineRule('eks.amazonaws.com', ['nodeclasses'], READ_VERBS),
  defineRule('karpenter.sh', ['nodeclaims'], READ_VERBS),
  defineRule('', ['nodes'], [...READ_VERBS, 'patch']),
  defineRule('', ['pods'], READ_VERBS),
  EVENT_WRITE,
]

/**
 * AmazonEKSAutoNodePolicy: what the Auto Mode node's own daemons (kube-proxy, ipamd, coredns, EBS CSI node,
 * Neuron, node monitoring agent) need beyond the Node authorizer. UNVERIFIED reading of AWS's summary (docs/unverified.md).
 */
export const autoNodeRules: PolicyRule[] = [
  defineRule('', ['nodes'], [...READ_VERBS, 'patch']),
  defineRule('', ['nodes/status'], ['patch']),
  defineRule('', ['pods', 'namespaces', 'services', 'endpoints'], READ_VERBS),
  defineRule('discovery.k8s.io', ['endpointslices'], READ_VERBS),
  defineRule('vpcresources.k8s.aws', ['cninodes'], [...READ_VERBS, 'patch']),
  defineRule('crd.k8s.amazonaws.com', ['eniconfigs'], READ_VERBS),
  defineRule('storage.k8s.io', ['csinodes', 'volumeattachments'], READ_VERBS),
  EVENT_WRITE,
  EVENTS_K8S_WRITE,
]

/** AmazonEKSClusterInsightsPolicy: read-only data for upgrade insights. UNVERIFIED; kept to non-secret reads. */
export const clusterInsightsRules: PolicyRule[] = [
  defineRule('', ['nodes', 'pods', 'namespaces', 'services', 'configmaps'], READ_VERBS),
  defineRule('apps', ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], READ_VERBS),
  defineRule('batch', ['cronjobs', 'jobs'], READ_VERBS),
  defineRule('apiextensions.k8s.io', ['customresourcedefinitions'], READ_VERBS),
  defineRule(
    'admissionregistration.k8s.io',
    ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'],
    READ_VERBS,
  ),
]

/** AmazonEKSEventPolicy: lets the EKS service role record cluster events. UNVERIFIED. */
export const eventRules: PolicyRule[] = [
  defineRule('', ['events'], [...READ_VERBS, 'create', 'patch', 'update']),
  defineRule('events.k8s.io', ['events'], [...READ_VERBS, 'create', 'patch', 'update']),
]

/** AmazonEKSSecretReaderPolicy: secrets read for the ACK capability (docs/access-policies.md#auto-mode-hybrid-and-eks-internal-policies: exact rules UNVERIFIED). */
export const secretReaderRules: PolicyRule[] = [defineRule('', ['secrets'], READ_VERBS)]

/** AmazonEKSSecretAdminPolicy: secrets read/write for the ACK capability (UNVERIFIED). */
export const secretAdminRules: PolicyRule[] = [defineRule('', ['secrets'], [...WRITE_VERBS, ...READ_VERBS])]
