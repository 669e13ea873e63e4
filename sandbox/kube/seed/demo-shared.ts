// Pieces every demo cluster shares: system add-on workloads, their service accounts and the team RoleBindings.
import type { ClusterSeed, WorkloadSeed } from './build-cluster'

/** The IRSA annotation the pod-identity webhook reads (docs/irsa.md#annotations). */
export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn'
const ECR = '602401143452.dkr.ecr.us-west-2.amazonaws.com'

/** kube-system add-on workloads: CoreDNS everywhere; VPC CNI, kube-proxy and the Pod Identity agent unless Auto Mode. */
export function buildSystemWorkloads(opts: { autoMode: boolean; podIdentityAgent: boolean }): WorkloadSeed[] {
  const w: WorkloadSeed[] = [
    {
      namespace: 'kube-system',
      name: 'coredns',
      kind: 'Deployment',
      image: `${ECR}/eks/coredns:v1.11.4-eksbuild.2`,
      serviceAccount: 'coredns',
      states: ['Running', 'Running'],
      ageDays: 120,
    },
  ]
  if (opts.autoMode) return w // Auto Mode runs networking, kube-proxy and the Pod Identity agent on the node itself.
  w.push({
    namespace: 'kube-system',
    name: 'aws-node',
    kind: 'DaemonSet',
    image: `${ECR}/amazon-k8s-cni:v1.19.2-eksbuild.1`,
    serviceAccount: 'aws-node',
    states: [],
    ageDays: 120,
  })
  w.push({
    namespace: 'kube-system',
    name: 'kube-proxy',
    kind: 'DaemonSet',
    image: `${ECR}/eks/kube-proxy:v1.32.0-minimal-eksbuild.2`,
    serviceAccount: 'kube-proxy',
    states: [],
    ageDays: 120,
  })
  if (opts.podIdentityAgent)
    w.push({
      namespace: 'kube-system',
      name: 'eks-pod-identity-agent',
      kind: 'DaemonSet',
      image: `${ECR}/eks/eks-pod-identity-agent:0.1.29`,
      states: [],
      ageDays: 90,
    })
  return w
}

/** Service accounts of the kube-system add-ons. */
export const SYSTEM_SERVICE_ACCOUNTS = ['coredns', 'aws-node', 'kube-proxy'].map((name) => ({
  namespace: 'kube-system',
  name,
}))

/** team-a-devs and team-b-devs get `edit` in their namespaces (the groups access entries and aws-auth carry). */
export const TEAM_BINDINGS: ClusterSeed['roleBindings'] = [
  { namespace: 'team-a', name: 'team-a-devs-edit', clusterRole: 'edit', groups: ['team-a-devs'] },
  { namespace: 'team-b', name: 'team-b-devs-edit', clusterRole: 'edit', groups: ['team-b-devs'] },
]
