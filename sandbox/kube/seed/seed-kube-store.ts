// Registers the demo clusters (and, at large scale, the `scale` cluster) in a KubeStore, and builds the baseline
// state of a cluster created later through the EKS API.
import { listSeedClusters } from '../../core/seed-constants'
import type { ClusterStore } from '../cluster-store'
import type { KubeStore } from '../kube-store'
import { buildClusterStore } from './build-cluster'
import { buildDemoClusterSeeds } from './demo-clusters'
import { buildLargeClusterStore } from './large-cluster'

/** Seeds every cluster for a scale; small clusters load from the state dir when a saved copy exists. */
export function seedKubeStore(store: KubeStore, opts: { scale: 'default' | 'large' }): { largeClusterMs?: number } {
  const seeds = buildDemoClusterSeeds()
  const result: { largeClusterMs?: number } = {}
  for (const c of listSeedClusters(opts.scale)) {
    const ref = { region: c.region, name: c.name }
    if (c.largeScaleOnly) {
      const started = performance.now()
      store.addCluster(ref, buildLargeClusterStore, { persist: false })
      result.largeClusterMs = Math.round(performance.now() - started)
      continue
    }
    const seed = seeds[c.name]
    if (!seed) continue
    store.addCluster(ref, () => buildClusterStore(seed), { persist: true })
  }
  return result
}

/** Restores the seed: forgets every cluster (and its saved file) and seeds again (the sandbox's reset). */
export function resetKubeStore(store: KubeStore, opts: { scale: 'default' | 'large' }): void {
  for (const ref of store.listClusters()) store.removeCluster(ref)
  seedKubeStore(store, opts)
}

/**
 * Makes sure a cluster created through EKS CreateCluster has a Kubernetes API: registers a fresh cluster (system
 * namespaces + bootstrap RBAC) unless one exists. `kubernetesVersion` is the EKS `version`, e.g. `1.33`.
 */
export function ensureKubeCluster(
  store: KubeStore,
  ref: { region: string; name: string },
  kubernetesVersion?: string,
): ClusterStore {
  const existing = store.getCluster(ref)
  if (existing) return existing
  const gitVersion = kubernetesVersion ? `v${kubernetesVersion}.0-eks-sandbox` : undefined
  return store.addCluster(ref, () => buildNewClusterStore({ region: ref.region, gitVersion }), { persist: true })
}

/**
 * The state of a cluster that EKS CreateCluster just made: system namespaces and the bootstrap RBAC, no nodes yet.
 * `gitVersion` defaults to the server default; pass e.g. `v1.33.5-eks-3cfe0ce` to match the cluster's version.
 */
export function buildNewClusterStore(opts: { region: string; gitVersion?: string }): ClusterStore {
  return buildClusterStore({
    region: opts.region,
    gitVersion: opts.gitVersion ?? 'v1.32.9-eks-113cf36',
    namespaces: [],
    nodeGroups: [],
    workloads: [],
    serviceAccounts: [],
    roleBindings: [],
  })
}
