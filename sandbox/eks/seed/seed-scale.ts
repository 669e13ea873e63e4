import { buildScaleRoleArn, CLUSTER_SCALE, SCALE_ROLE_COUNT, USER_ARNS } from '../../core/seed-constants'
import type { ClusterRecord } from '../records'
import { addSeedAccessEntry, addSeedAddons, buildSeedCluster } from './seed-builders'

// SANDBOX_SCALE=large: a cluster with exactly 1,000 access entries — the four IAM users plus roles scale-dev-0001…
// scale-dev-0996 (IAM seeds 1,000 such roles, so the last four exist without access: a realistic "no entry" case).
// Each role entry has 1–3 namespace-scoped policies over namespaces `scale-ns-000` … `scale-ns-199`.

export const SCALE_ENTRY_COUNT = 1000
export const SCALE_NAMESPACE_COUNT = 200

const SCALE_POLICIES = [
  'AmazonEKSViewPolicy',
  'AmazonEKSEditPolicy',
  'AmazonEKSAdminViewPolicy',
  'AmazonEKSAdminPolicy',
]

/** The i-th scale namespace name (0-based, wraps around). */
export function buildScaleNamespaceName(index: number): string {
  return `scale-ns-${String(index % SCALE_NAMESPACE_COUNT).padStart(3, '0')}`
}

/** Builds the `scale` cluster; deterministic, and cheap enough to run at every fresh start. */
export function buildScaleCluster(): ClusterRecord {
  const c = buildSeedCluster(CLUSTER_SCALE, {
    version: '1.33',
    platformVersion: 'eks.9',
    createdAt: '2025-06-02T07:00:00.000Z',
    roleArn: `arn:aws:iam::111122223333:role/eksClusterRole`,
    vpcId: 'vpc-0e5f60718293a4b52',
    serviceIpv4Cidr: '10.100.0.0/16',
    loggingTypes: ['audit'],
    tags: { team: 'platform', environment: 'load-test' },
  })
  addSeedAddons(c, {
    'vpc-cni': 'v1.19.6-eksbuild.7',
    coredns: 'v1.12.1-eksbuild.2',
    'kube-proxy': 'v1.33.0-eksbuild.2',
  })
  const users = [USER_ARNS.admin, USER_ARNS.alice, USER_ARNS.bob, USER_ARNS.carol]
  addSeedAccessEntry(c, USER_ARNS.admin, {
    minutesAfterCluster: 0,
    policies: { AmazonEKSClusterAdminPolicy: 'cluster' },
  })
  for (const arn of users.slice(1)) {
    addSeedAccessEntry(c, arn, { minutesAfterCluster: 5, policies: { AmazonEKSViewPolicy: 'cluster' } })
  }
  const roleEntries = Math.min(SCALE_ROLE_COUNT, SCALE_ENTRY_COUNT - users.length)
  for (let i = 1; i <= roleEntries; i++) {
    const count = (i % 3) + 1
    const policies: Record<string, string[]> = {}
    for (let p = 0; p < count; p++) {
      const name = SCALE_POLICIES[(i + p) % SCALE_POLICIES.length] as string
      policies[name] = [buildScaleNamespaceName(i * 7 + p), buildScaleNamespaceName(i * 13 + p)]
    }
    addSeedAccessEntry(c, buildScaleRoleArn(i), { minutesAfterCluster: 10 + i, policies })
  }
  return c
}
