// One call for the sandbox's start-up: seed (or load) every cluster's Kubernetes state, start the HTTPS API with
// EKS authentication wired to the AWS world, and record each cluster's endpoint + CA in EKS so that
// DescribeCluster hands out exactly what kubeconfigs need.
import type { FaultInjector } from '../core/faults'
import type { World } from '../core/world'
import { listClusters, setClusterConnection } from '../eks/state'
import { createSandboxIssuers, type SandboxIssuers } from '../oidc/sandbox-issuers'
import { createEksAuthBridge } from './eks-auth-bridge'
import { startKubeApi, type KubeApi } from './kube-api-server'
import { KubeStore } from './kube-store'
import { ensureKubeCluster, resetKubeStore, seedKubeStore } from './seed/seed-kube-store'
import type { ClusterRef } from './types'

export interface SandboxKubeOptions {
  getWorld(): World
  /** Persists small clusters under `<stateDir>/kube/` and the CA under `<stateDir>/kube-tls/`. */
  stateDir?: string
  scale: 'default' | 'large'
  /** Default 0 (a free port). */
  port?: number
  host?: string
  /** Extra `host[:port]` values the sandbox's STS endpoint is reachable on, for token verification. */
  ownHosts?: string[]
  /** The sandbox's fault rules (the `kube` target applies here). */
  faults?: FaultInjector
  /** Ignore (and remove) saved cluster state: every cluster starts from its seed. */
  fresh?: boolean
}

export interface SandboxKube extends KubeApi {
  store: KubeStore
  /** Milliseconds the large cluster took to generate (large scale only). */
  largeClusterMs?: number
  /**
   * Gives every EKS cluster of the current world a Kubernetes API on its own port and writes endpoint + CA into it
   * (call again after the world is replaced or a cluster is created).
   */
  connectClusters(): Promise<void>
  /** Restores every cluster's seed state (the sandbox reset), then reconnects. */
  reset(): Promise<void>
  /** The OIDC issuers served on this port (`/oidc/example`, `/oidc/another-company`). */
  oidc: SandboxIssuers
}

/** Starts the Kubernetes side of the sandbox. */
export async function startSandboxKube(opts: SandboxKubeOptions): Promise<SandboxKube> {
  const store = new KubeStore({ stateDir: opts.stateDir })
  // Before seeding, so that a fresh start builds each cluster once (the 100,000-Pod one takes seconds).
  if (opts.fresh) store.forgetSavedState()
  const { largeClusterMs } = seedKubeStore(store, { scale: opts.scale })
  /** The live world's record of a cluster whose Kubernetes API is up: not DELETING (EKS tears the API down first). */
  const servedCluster = (ref: { region: string; name: string }) => {
    const c = opts.getWorld().eks.clusters[ref.region]?.[ref.name]
    return c && c.status !== 'DELETING' ? c : undefined
  }
  let origin = ''
  const oidc = await createSandboxIssuers(opts.getWorld, () => origin)
  const eks = createEksAuthBridge({
    getWorld: opts.getWorld,
    store,
    ownHosts: opts.ownHosts,
    // A cluster made by CreateCluster names its creator (the implicit admin of CONFIG_MAP); seeded ones were user/admin's.
    clusterCreatorArn: (c) => c.creatorArn,
  })
  const savedPortFor = (ref: { region: string; name: string }) =>
    savedClusterPort(opts.getWorld().eks.clusters[ref.region]?.[ref.name]?.endpoint, opts.port ?? 0)
  const api = await startKubeApi({
    port: opts.port ?? 0,
    host: opts.host,
    faults: opts.faults,
    store,
    savedPortFor,
    serveOther: (req, res) => oidc.serve(req, res),
    // kube-apiserver tries its authenticators in turn: EKS (IAM) tokens, then the associated OIDC providers.
    authenticate: async (r) => (await eks.authenticate(r)) ?? (await oidc.authenticate(r)),
    accessPoliciesFor: eks.accessPoliciesFor,
    // A cluster created through the EKS API after start gets a fresh Kubernetes API on first use.
    ensureCluster(ref) {
      const cluster = servedCluster(ref)
      if (!cluster) return false
      ensureKubeCluster(store, ref, cluster.version)
      return true
    },
  })
  origin = new URL(api.endpointFor({ region: 'x', name: 'x' })).origin
  // A cluster deleted through EKS (or gone with a reset): its listener closes and its objects (and saved file) go, so
  // a kubeconfig for it fails as it does against a deleted EKS cluster, and a new cluster of that name starts empty.
  const dropGoneClusters = async (alsoCheck: ClusterRef[] = []) => {
    const gone = [...store.listClusters(), ...alsoCheck].filter((ref) => !servedCluster(ref))
    for (const ref of gone) store.removeCluster(ref)
    await Promise.all(gone.map((ref) => api.disconnectCluster(ref)))
  }
  const connectClusters = async () => {
    const world = opts.getWorld()
    oidc.connect(world)
    const ca = Buffer.from(api.caCertPem).toString('base64')
    await dropGoneClusters()
    for (const c of listClusters(world.eks)) {
      // (Plain lookups: findCluster would settle due updates as a side effect of every write.)
      if (servedCluster(c) !== c) continue
      ensureKubeCluster(store, c, c.version)
      const endpoint = await api.connectCluster(c, savedPortFor(c))
      // Deleted while its listener opened, or the world was replaced (reset): write into the live world only.
      if (servedCluster(c) !== c) await dropGoneClusters()
      else setClusterConnection(world.eks, c.region, c.name, { endpoint, certificateAuthorityData: ca })
    }
  }
  await connectClusters()
  return {
    ...api,
    store,
    largeClusterMs,
    connectClusters,
    oidc,
    async reset() {
      const before = store.listClusters()
      resetKubeStore(store, { scale: opts.scale })
      await dropGoneClusters(before)
      await connectClusters()
    },
  }
}

/**
 * The port of a cluster endpoint saved by an earlier run on the same fixed Kubernetes port (`https://host:port`, in
 * the range that port hands out), else undefined: placeholders and endpoints from runs on OS-assigned ports (e.g.
 * `--reset-only`) must not pin a cluster to a random port.
 */
export function savedClusterPort(endpoint: string | undefined, kubePort: number): number | undefined {
  if (!endpoint || kubePort === 0) return undefined
  const m = /^https:\/\/[^/]+:(\d+)\/?$/.exec(endpoint)
  const port = m ? Number(m[1]) : NaN
  return port > kubePort && port <= kubePort + 1000 ? port : undefined
}
