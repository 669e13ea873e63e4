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
}

export interface SandboxKube extends KubeApi {
  store: KubeStore
  /** Milliseconds the large cluster took to generate (large scale only). */
  largeClusterMs?: number
  /** Writes endpoint + CA into every EKS cluster of the current world (call again after the world is replaced). */
  connectClusters(): void
  /** Restores every cluster's seed state (the sandbox reset), then reconnects. */
  reset(): void
  /** The OIDC issuers served on this port (`/oidc/example`, `/oidc/another-company`). */
  oidc: SandboxIssuers
}

/** Starts the Kubernetes side of the sandbox. */
export async function startSandboxKube(opts: SandboxKubeOptions): Promise<SandboxKube> {
  const store = new KubeStore({ stateDir: opts.stateDir })
  const { largeClusterMs } = seedKubeStore(store, { scale: opts.scale })
  const findVersion = (region: string, name: string) => opts.getWorld().eks.clusters[region]?.[name]?.version
  let origin = ''
  const oidc = await createSandboxIssuers(opts.getWorld, () => origin)
  const eks = createEksAuthBridge({ getWorld: opts.getWorld, store, ownHosts: opts.ownHosts })
  const api = await startKubeApi({
    port: opts.port ?? 0,
    host: opts.host,
    faults: opts.faults,
    store,
    serveOther: (req, res) => oidc.serve(req, res),
    // kube-apiserver tries its authenticators in turn: EKS (IAM) tokens, then the associated OIDC providers.
    authenticate: async (r) => (await eks.authenticate(r)) ?? (await oidc.authenticate(r)),
    accessPoliciesFor: eks.accessPoliciesFor,
    // A cluster created through the EKS API after start gets a fresh Kubernetes API on first use.
    ensureCluster(ref) {
      const version = findVersion(ref.region, ref.name)
      if (version === undefined) return false
      ensureKubeCluster(store, ref, version)
      return true
    },
  })
  origin = new URL(api.endpointFor({ region: 'x', name: 'x' })).origin
  const connectClusters = () => {
    const world = opts.getWorld()
    oidc.connect(world)
    const ca = Buffer.from(api.caCertPem).toString('base64')
    for (const c of listClusters(world.eks)) {
      ensureKubeCluster(store, c, c.version)
      setClusterConnection(world.eks, c.region, c.name, { endpoint: api.endpointFor(c), certificateAuthorityData: ca })
    }
  }
  connectClusters()
  return {
    ...api,
    store,
    largeClusterMs,
    connectClusters,
    oidc,
    reset() {
      resetKubeStore(store, { scale: opts.scale })
      connectClusters()
    },
  }
}
