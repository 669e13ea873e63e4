// What runs inside each demo cluster (demo-world.md "Inside each cluster"), aligned with sandbox/eks/seed/seed-world.ts:
// node groups and node pools, Pod Identity associations (orders/orders-api, reports/reports-job,
// analytics/partner-sync) and the access entries whose groups the RoleBindings below name.
import { ROLE_ARNS } from '../../core/seed-constants'
import { buildLegacyBatchAwsAuth } from './aws-auth-seed'
import type { ClusterSeed } from './build-cluster'
import { buildProdWebSeed } from './demo-prod-web'
import { buildLegacyBatchRbac } from './demo-rbac'
import { buildSystemWorkloads, IRSA_ANNOTATION, SYSTEM_SERVICE_ACCOUNTS, TEAM_BINDINGS } from './demo-shared'
import { legacyTokenSecret, opaqueSecret, tlsSecret } from './seed-secrets'

/** The Kubernetes side of each default-scale demo cluster, keyed by cluster name. */
export function buildDemoClusterSeeds(): Record<string, ClusterSeed> {
  return {
    'prod-web': buildProdWebSeed(),
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
      secrets: [opaqueSecret('ml-training', 'hf-token', ['token'], 20)],
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
        ...SYSTEM_SERVICE_ACCOUNTS,
        { namespace: 'legacy', name: 'legacy-worker', annotations: { [IRSA_ANNOTATION]: ROLE_ARNS['legacy-irsa'] } },
      ],
      roleBindings: TEAM_BINDINGS,
      configMaps: [{ namespace: 'kube-system', name: 'aws-auth', data: buildLegacyBatchAwsAuth() }],
      // Static AWS keys in a Secret: what IRSA / Pod Identity replace.
      secrets: [
        opaqueSecret('batch', 's3-export-credentials', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'], 300),
        legacyTokenSecret('legacy', 'legacy-worker', 600),
      ],
      extraRbac: buildLegacyBatchRbac(),
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
      serviceAccounts: [...SYSTEM_SERVICE_ACCOUNTS, { namespace: 'shop-api', name: 'catalog' }],
      roleBindings: TEAM_BINDINGS,
      secrets: [
        tlsSecret('shop-web', 'storefront-tls', 4),
        opaqueSecret('payments', 'payments-gateway-keys', ['merchant-id', 'signing-key'], 8),
      ],
    },
  }
}
