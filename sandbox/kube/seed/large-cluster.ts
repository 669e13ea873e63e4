// SANDBOX_SCALE=large: the `scale` cluster with 5,000 nodes and 100,000 Pods over 200 namespaces (`scale-ns-000` …
// `scale-ns-199`, the namespaces sandbox/eks/seed/seed-scale.ts scopes its access policies to). Regenerated at every
// start (never persisted); deterministic.
import type { ClusterStore } from '../cluster-store'
import { buildClusterStore, type WorkloadSeed } from './build-cluster'
import type { PodState } from './build-pod'

export const LARGE_NODE_COUNT = 5000
export const LARGE_POD_COUNT = 100_000
export const LARGE_NAMESPACE_COUNT = 200

/** The i-th scale namespace (0-based), as in sandbox/eks/seed/seed-scale.ts. */
export function formatScaleNamespace(index: number): string {
  return `scale-ns-${String(index).padStart(3, '0')}`
}

/** A realistic mix: mostly Running, a few of every failure (every 50th pod fails in some way). */
function pickState(i: number): PodState {
  const failing: PodState[] = ['CrashLoopBackOff', 'ImagePullBackOff', 'Pending', 'Completed', 'Evicted', 'OOMKilled']
  return i % 50 === 49 ? (failing[Math.floor(i / 50) % failing.length] ?? 'Running') : 'Running'
}

/** Builds the large cluster's store. */
export function buildLargeClusterStore(): ClusterStore {
  const namespaces = Array.from({ length: LARGE_NAMESPACE_COUNT }, (_, i) => formatScaleNamespace(i))
  const perNamespace = LARGE_POD_COUNT / LARGE_NAMESPACE_COUNT // 500
  const replicas = 25
  const workloads: WorkloadSeed[] = []
  let podCounter = 0
  for (const ns of namespaces) {
    for (let d = 0; d < perNamespace / replicas; d++) {
      const states = Array.from({ length: replicas }, () => pickState(podCounter++))
      workloads.push({
        namespace: ns,
        name: `svc-${String(d).padStart(2, '0')}`,
        kind: 'Deployment',
        image: `111122223333.dkr.ecr.us-west-2.amazonaws.com/scale/svc-${d}:1.${d}.0`,
        states,
        ageDays: 1 + (d % 30),
      })
    }
  }
  return buildClusterStore({
    region: 'us-west-2',
    gitVersion: 'v1.33.5-eks-3cfe0ce',
    namespaces,
    nodeGroups: [
      {
        name: 'scale-general',
        capacityType: 'ON_DEMAND',
        instanceTypes: ['m6i.xlarge', 'm5.xlarge', 'c6i.xlarge'],
        count: LARGE_NODE_COUNT * 0.8,
      },
      {
        name: 'scale-spot',
        capacityType: 'SPOT',
        instanceTypes: ['m5.large', 'm6i.large'],
        count: LARGE_NODE_COUNT * 0.2,
      },
    ],
    workloads,
    serviceAccounts: [],
    roleBindings: namespaces
      .slice(0, 20)
      .map((ns) => ({ namespace: ns, name: 'devs-edit', clusterRole: 'edit', groups: [`${ns}-devs`] })),
  })
}
