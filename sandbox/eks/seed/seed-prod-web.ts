import {
  CLUSTER_PROD_WEB,
  CROSS_ACCOUNT_TARGET_ROLE_ARN,
  ROLE_ARNS,
  SSO_ROLE_NAME,
  USER_ARNS,
} from '../../core/seed-constants'
import type { ClusterRecord } from '../records'
import {
  addSeedAccessEntry,
  addSeedAddons,
  addSeedNodegroup,
  addSeedPodIdentity,
  buildSeedCluster,
} from './seed-builders'

// prod-web: the API_AND_CONFIG_MAP cluster with managed node groups, the Pod Identity agent, admins and teams, an
// entry that grants nothing, and Pod Identity workloads (one reaching a role in another account).

const CLUSTER_ADMIN = { AmazonEKSClusterAdminPolicy: 'cluster' } as const

/** Builds the prod-web cluster. */
export function buildProdWeb(): ClusterRecord {
  const c = buildSeedCluster(CLUSTER_PROD_WEB, {
    version: '1.33',
    platformVersion: 'eks.9',
    createdAt: '2024-03-12T09:41:07.512Z',
    roleArn: ROLE_ARNS.eksClusterRole,
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    serviceIpv4Cidr: '10.100.0.0/16',
    loggingTypes: ['api', 'audit', 'authenticator'],
    tags: { team: 'platform', environment: 'production', 'cost-center': 'web-1001' },
  })
  addSeedNodegroup(c, {
    name: 'general',
    capacityType: 'ON_DEMAND',
    instanceTypes: ['m6i.large'],
    scaling: { minSize: 3, maxSize: 9, desiredSize: 3 },
    nodeRole: ROLE_ARNS.eksNodeRole,
    releaseVersion: '1.33.0-20250920',
    labels: { workload: 'general' },
  })
  addSeedNodegroup(c, {
    name: 'spot-batch',
    capacityType: 'SPOT',
    instanceTypes: ['m5.xlarge', 'm5a.xlarge', 'm6i.xlarge'],
    scaling: { minSize: 0, maxSize: 10, desiredSize: 2 },
    nodeRole: ROLE_ARNS.eksNodeRole,
    releaseVersion: '1.33.0-20250920',
    labels: { workload: 'batch' },
    taints: [{ key: 'spot', value: 'true', effect: 'NO_SCHEDULE' }],
  })
  addSeedAddons(c, {
    'vpc-cni': 'v1.19.6-eksbuild.7',
    coredns: 'v1.12.1-eksbuild.2',
    'kube-proxy': 'v1.33.0-eksbuild.2',
    'eks-pod-identity-agent': 'v1.3.7-eksbuild.2',
  })
  addSeedAccessEntry(c, USER_ARNS.admin, { minutesAfterCluster: 0, policies: CLUSTER_ADMIN })
  // Managed node groups in API_AND_CONFIG_MAP write aws-auth; this entry was added when the team began migrating.
  addSeedAccessEntry(c, ROLE_ARNS.eksNodeRole, { type: 'EC2_LINUX', minutesAfterCluster: 60 * 24 * 200 })
  addSeedAccessEntry(c, ROLE_ARNS.PlatformAdmin, { minutesAfterCluster: 60 * 24 * 200, policies: CLUSTER_ADMIN })
  addSeedAccessEntry(c, ROLE_ARNS.TeamADeveloper, {
    minutesAfterCluster: 60 * 24 * 201,
    policies: { AmazonEKSEditPolicy: ['team-a'] },
    tags: { team: 'team-a' },
  })
  // Team B relies on RBAC only: a RoleBinding in team-b names the group team-b-devs.
  addSeedAccessEntry(c, ROLE_ARNS.TeamBDeveloper, {
    minutesAfterCluster: 60 * 24 * 201,
    username: 'team-b:{{SessionName}}',
    groups: ['team-b-devs'],
  })
  addSeedAccessEntry(c, ROLE_ARNS[SSO_ROLE_NAME], {
    minutesAfterCluster: 60 * 24 * 230,
    policies: { AmazonEKSAdminViewPolicy: 'cluster' },
  })
  addSeedAccessEntry(c, ROLE_ARNS.ReadOnlyAuditor, {
    minutesAfterCluster: 60 * 24 * 231,
    policies: { AmazonEKSViewPolicy: 'cluster' },
  })
  // Registered during an incident drill and never granted anything: it authenticates but may do nothing.
  addSeedAccessEntry(c, ROLE_ARNS.BreakGlassAdmin, { minutesAfterCluster: 60 * 24 * 240 })
  addSeedPodIdentity(c, {
    namespace: 'orders',
    serviceAccount: 'orders-api',
    roleArn: ROLE_ARNS['orders-s3-reader'],
    daysAfterCluster: 250,
  })
  addSeedPodIdentity(c, {
    namespace: 'reports',
    serviceAccount: 'reports-job',
    roleArn: ROLE_ARNS['reports-writer'],
    daysAfterCluster: 251,
  })
  addSeedPodIdentity(c, {
    namespace: 'analytics',
    serviceAccount: 'partner-sync',
    roleArn: ROLE_ARNS['orders-s3-reader'],
    targetRoleArn: CROSS_ACCOUNT_TARGET_ROLE_ARN,
    daysAfterCluster: 260,
  })
  return c
}
