// prod-web (API_AND_CONFIG_MAP): managed node groups general + spot-batch, IRSA and Pod Identity workloads (one
// service account with both), team RoleBindings, a binding to a group nobody carries, aws-auth, and Secrets.
import { ROLE_ARNS } from '../../core/seed-constants'
import { buildProdWebAwsAuth } from './aws-auth-seed'
import type { ClusterSeed } from './build-cluster'
import { buildProdWebRbac } from './demo-rbac'
import { buildSystemWorkloads, IRSA_ANNOTATION, SYSTEM_SERVICE_ACCOUNTS, TEAM_BINDINGS } from './demo-shared'
import { legacyTokenSecret, opaqueSecret, registrySecret, tlsSecret } from './seed-secrets'

/** The Kubernetes side of prod-web. */
export function buildProdWebSeed(): ClusterSeed {
  return {
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
      ...SYSTEM_SERVICE_ACCOUNTS,
      // Pod Identity association AND a stale IRSA annotation: the SDK's chain tries web identity first.
      { namespace: 'orders', name: 'orders-api', annotations: { [IRSA_ANNOTATION]: ROLE_ARNS['orders-s3-reader'] } },
      { namespace: 'reports', name: 'reports-job' },
      {
        namespace: 'billing',
        name: 'billing-api',
        annotations: {
          [IRSA_ANNOTATION]: ROLE_ARNS['billing-irsa'],
          'eks.amazonaws.com/sts-regional-endpoints': 'true',
        },
      },
      { namespace: 'legacy', name: 'legacy-worker', annotations: { [IRSA_ANNOTATION]: ROLE_ARNS['legacy-irsa'] } },
      { namespace: 'analytics', name: 'partner-sync' },
    ],
    roleBindings: [
      ...TEAM_BINDINGS,
      // No access entry or aws-auth mapping carries this group: the binding grants nobody anything.
      { namespace: 'orders', name: 'orders-oncall-view', clusterRole: 'view', groups: ['orders-oncall'] },
    ],
    configMaps: [{ namespace: 'kube-system', name: 'aws-auth', data: buildProdWebAwsAuth() }],
    secrets: [
      tlsSecret('team-a', 'web-tls', 3),
      opaqueSecret('team-a', 'api-db-credentials', ['username', 'password'], 9),
      registrySecret('team-b', 'regcred', 'ghcr.io', 60),
      opaqueSecret('orders', 'orders-db', ['DATABASE_URL'], 700),
      opaqueSecret('billing', 'stripe-api-key', ['api-key'], 14),
      legacyTokenSecret('legacy', 'legacy-worker', 400),
    ],
    extraRbac: buildProdWebRbac(),
  }
}
