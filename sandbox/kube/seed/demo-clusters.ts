// What runs inside each demo cluster (demo-world.md "Inside each cluster"), aligned with sandbox/eks/seed-world.ts:
// node groups and node pools, Pod Identity associations (orders/orders-api, reports/reports-job,
// analytics/partner-sync) and the access entries whose groups the RoleBindings below name.
import { ROLE_ARNS } from '../../core/seed-constants'
import type { ClusterSeed, WorkloadSeed } from './build-cluster'
import { buildLegacyBatchAwsAuth, buildProdWebAwsAuth } from './aws-auth-seed'

const IRSA = 'eks.amazonaws.com/role-arn'
const ECR = '602401143452.dkr.ecr.us-west-2.amazonaws.com'

function buildSystemWorkloads(opts: { autoMode: boolean; podIdentityAgent: boolean }): WorkloadSeed[] {
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

const SYSTEM_SAS = ['coredns', 'aws-node', 'kube-proxy'].map((name) => ({ namespace: 'kube-system', name }))

const TEAM_BINDINGS: ClusterSeed['roleBindings'] = [
  { namespace: 'team-a', name: 'team-a-devs-edit', clusterRole: 'edit', groups: ['team-a-devs'] },
  { namespace: 'team-b', name: 'team-b-devs-edit', clusterRole: 'edit', groups: ['team-b-devs'] },
]

/** The Kubernetes side of each default-scale demo cluster, keyed by cluster name. */
export function buildDemoClusterSeeds(): Record<string, ClusterSeed> {
  return {
    'prod-web': {
      region: 'us-west-2',
      gitVersion: 'v1.33.5-eks-3cfe0ce',
      namespaces: ['team-a', 'team-b', 'orders', 'reports', 'billing', 'legacy', 'analytics'],
      nodeGroups: [
        { name: 'general', capacityType: 'ON_DEMAND', instanceTypes: ['m6i.large'], count: 3 },
        { name: 'spot-batch', capacityType: 'SPOT', instanceTypes: ['m5.xlarge', 'm6i.xlarge'], count: 2 },
      ],
      workloads: [
        ...buildSystemWorkloads({ autoMode: false, podIdentityAgent: true }),
        {
          namespace: 'team-a',
          name: 'web',
          kind: 'Deployment',
          image: 'public.ecr.aws/nginx/nginx:1.27',
          states: ['Running', 'Running', 'ImagePullBackOff'],
          ageDays: 3,
        },
        {
          namespace: 'team-a',
          name: 'api',
          kind: 'Deployment',
          image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/team-a/api:2.4.1',
          states: ['Running', 'Evicted'],
          ageDays: 9,
        },
        {
          namespace: 'team-b',
          name: 'worker',
          kind: 'Deployment',
          image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/team-b/worker:1.8.0',
          states: ['Running', 'Pending'],
          ageDays: 2,
        },
        // Started long before the orders-api Pod Identity association existed: they still run without its credentials.
        {
          namespace: 'orders',
          name: 'orders-api',
          kind: 'Deployment',
          image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/orders/api:5.2.0',
          serviceAccount: 'orders-api',
          states: ['Running', 'Running', 'Running'],
          ageDays: 760,
        },
        {
          namespace: 'reports',
          name: 'reports-job',
          kind: 'Job',
          image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/reports/nightly:3.0.2',
          serviceAccount: 'reports-job',
          states: ['Completed', 'CrashLoopBackOff'],
          restarts: 23,
          ageDays: 1,
        },
        {
          namespace: 'billing',
          name: 'billing-api',
          kind: 'Deployment',
          image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/billing/api:7.1.3',
          serviceAccount: 'billing-api',
          states: ['Running', 'Running', 'OOMKilled'],
          restarts: 42,
          ageDays: 14,
        },
        {
          namespace: 'legacy',
          name: 'legacy-worker',
          kind: 'Deployment',
          image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/legacy/worker:0.9.7',
          serviceAccount: 'legacy-worker',
          states: ['CrashLoopBackOff'],
          restarts: 311,
          ageDays: 30,
        },
        {
          namespace: 'analytics',
          name: 'partner-sync',
          kind: 'Deployment',
          image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/analytics/partner-sync:1.0.4',
          serviceAccount: 'partner-sync',
          states: ['Running'],
          ageDays: 5,
        },
      ],
      serviceAccounts: [
        ...SYSTEM_SAS,
        // Pod Identity association AND a stale IRSA annotation: the SDK's chain tries web identity first.
        { namespace: 'orders', name: 'orders-api', annotations: { [IRSA]: ROLE_ARNS['orders-s3-reader'] } },
        { namespace: 'reports', name: 'reports-job' },
        {
          namespace: 'billing',
          name: 'billing-api',
          annotations: { [IRSA]: ROLE_ARNS['billing-irsa'], 'eks.amazonaws.com/sts-regional-endpoints': 'true' },
        },
        { namespace: 'legacy', name: 'legacy-worker', annotations: { [IRSA]: ROLE_ARNS['legacy-irsa'] } },
        { namespace: 'analytics', name: 'partner-sync' },
      ],
      roleBindings: [
        ...TEAM_BINDINGS,
        // No access entry or aws-auth mapping carries this group: the binding grants nobody anything.
        { namespace: 'orders', name: 'orders-oncall-view', clusterRole: 'view', groups: ['orders-oncall'] },
      ],
      configMaps: [{ namespace: 'kube-system', name: 'aws-auth', data: buildProdWebAwsAuth() }],
    },
    'ml-auto': {
      region: 'us-west-2',
      gitVersion: 'v1.34.1-eks-e386d34',
      namespaces: ['team-a', 'team-b', 'ml-training', 'ml-serving'],
      nodeGroups: [
        { name: 'system', autoMode: true, instanceTypes: ['c6a.large'], count: 2 },
        { name: 'general-purpose', autoMode: true, instanceTypes: ['m5.large', 'c6i.xlarge', 'g5.xlarge'], count: 3 },
      ],
      workloads: [
        ...buildSystemWorkloads({ autoMode: true, podIdentityAgent: false }),
        {
          namespace: 'ml-training',
          name: 'trainer',
          kind: 'Job',
          image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/ml/trainer:2025.11',
          states: ['Completed', 'Running', 'Pending'],
          ageDays: 1,
        },
        {
          namespace: 'ml-serving',
          name: 'inference',
          kind: 'Deployment',
          image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/ml/inference:4.2.0',
          states: ['Running', 'Running', 'ImagePullBackOff'],
          ageDays: 6,
        },
        {
          namespace: 'team-a',
          name: 'notebook',
          kind: 'StatefulSet',
          image: 'quay.io/jupyter/base-notebook:2025-01-06',
          states: ['Running'],
          ageDays: 12,
        },
      ],
      serviceAccounts: [
        { namespace: 'kube-system', name: 'coredns' },
        { namespace: 'ml-training', name: 'trainer' },
      ],
      roleBindings: TEAM_BINDINGS,
    },
    'legacy-batch': {
      region: 'us-west-2',
      gitVersion: 'v1.31.13-eks-ba24e9c',
      namespaces: ['team-a', 'team-b', 'legacy', 'batch'],
      nodeGroups: [{ name: 'batch-workers', capacityType: 'ON_DEMAND', instanceTypes: ['c5.2xlarge'], count: 2 }],
      workloads: [
        ...buildSystemWorkloads({ autoMode: false, podIdentityAgent: false }),
        // legacy-irsa's trust names the wrong namespace and this cluster has no IAM OIDC provider: it crash-loops.
        {
          namespace: 'legacy',
          name: 'legacy-worker',
          kind: 'Deployment',
          image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/legacy/worker:0.9.7',
          serviceAccount: 'legacy-worker',
          states: ['CrashLoopBackOff', 'Running'],
          restarts: 97,
          ageDays: 40,
        },
        {
          namespace: 'batch',
          name: 'nightly-export',
          kind: 'Job',
          image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/batch/export:1.3.0',
          states: ['Completed', 'Completed', 'Evicted'],
          ageDays: 1,
        },
        {
          namespace: 'team-a',
          name: 'cron-cleanup',
          kind: 'Job',
          image: 'public.ecr.aws/docker/library/busybox:1.37',
          states: ['Completed'],
          ageDays: 2,
        },
      ],
      serviceAccounts: [
        ...SYSTEM_SAS,
        { namespace: 'legacy', name: 'legacy-worker', annotations: { [IRSA]: ROLE_ARNS['legacy-irsa'] } },
      ],
      roleBindings: TEAM_BINDINGS,
      configMaps: [{ namespace: 'kube-system', name: 'aws-auth', data: buildLegacyBatchAwsAuth() }],
    },
    'eu-shop': {
      region: 'eu-west-1',
      gitVersion: 'v1.32.9-eks-113cf36',
      namespaces: ['team-a', 'team-b', 'shop-web', 'shop-api', 'payments'],
      nodeGroups: [{ name: 'shop-general', capacityType: 'ON_DEMAND', instanceTypes: ['m7g.large'], count: 3 }],
      workloads: [
        ...buildSystemWorkloads({ autoMode: false, podIdentityAgent: true }),
        {
          namespace: 'shop-web',
          name: 'storefront',
          kind: 'Deployment',
          image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/storefront:12.0.1',
          states: ['Running', 'Running', 'Running'],
          ageDays: 4,
        },
        {
          namespace: 'shop-api',
          name: 'catalog',
          kind: 'Deployment',
          image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/catalog:3.3.0',
          states: ['Running', 'CrashLoopBackOff'],
          restarts: 8,
          ageDays: 2,
        },
        {
          namespace: 'payments',
          name: 'payments-gateway',
          kind: 'StatefulSet',
          image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/payments:1.9.2',
          states: ['Running', 'Pending'],
          ageDays: 8,
        },
      ],
      serviceAccounts: [...SYSTEM_SAS, { namespace: 'shop-api', name: 'catalog' }],
      roleBindings: TEAM_BINDINGS,
    },
  }
}
