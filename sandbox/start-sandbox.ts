import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

import { createAwsServer } from './core/aws-server'
import { FaultInjector } from './core/faults'
import { ACCOUNT_ID } from './core/seed-constants'
import { createSeedWorld } from './core/seed-world'
import { StateStore } from './core/state-store'
import type { World } from './core/world'
import { startSandboxKube, type SandboxKube } from './kube/start-sandbox-kube'

export interface StartSandboxOptions {
  /** Port to listen on; 0 picks a free one. Default 4566. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Where the World is persisted. Default `.sandbox/` in the current directory. */
  stateDir?: string
  /** `large` adds the scale cluster and its ~1,000 IAM roles. Default `default`. */
  scale?: 'default' | 'large'
  /** Ignore any saved state and start from the seed (it is then saved over the old state). */
  fresh?: boolean
  /**
   * HTTPS port of the clusters' Kubernetes API. Default: `port + 1` (4567), or a free port when `port` is 0. A fixed
   * port keeps the endpoints in saved kubeconfigs valid across restarts.
   */
  kubePort?: number
}

export interface RunningSandbox {
  /** `http://<host>:<port>`: the endpoint for every AWS client. */
  url: string
  port: number
  /** The live World (a getter: reset replaces it). */
  readonly world: World
  faults: FaultInjector
  /** The Kubernetes side: one HTTPS port per cluster, whose endpoint and CA DescribeCluster reports. */
  kube: SandboxKube
  /** Flushes pending state and stops listening (open keep-alive connections are closed). */
  close(): Promise<void>
  /** Restores the seed World and every cluster's Kubernetes objects, clears faults and persists. */
  reset(): Promise<void>
}

/** Starts the sandbox's AWS endpoint (EKS, IAM, STS and the `/_sandbox/` admin API) on one port. */
export async function startSandbox(opts: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const scale = opts.scale ?? 'default'
  const host = opts.host ?? '127.0.0.1'
  const stateDir = opts.stateDir ?? join(process.cwd(), '.sandbox')
  const store = new StateStore(stateDir, scale)
  let world = (opts.fresh ? undefined : await store.loadWorld()) ?? createSeedWorld(scale)
  const faults = new FaultInjector()
  const awsPort = opts.port ?? 4566
  const kube = await startSandboxKube({
    getWorld: () => world,
    stateDir,
    scale,
    host,
    faults,
    port: opts.kubePort ?? (awsPort === 0 ? 0 : awsPort + 1),
    fresh: opts.fresh,
  })
  store.scheduleSave(world)

  const reset = async (): Promise<void> => {
    world = createSeedWorld(scale)
    faults.clearRules()
    await kube.reset()
    store.scheduleSave(world)
    await store.flush()
  }
  let closed = false
  const server = createAwsServer({
    faults,
    account: ACCOUNT_ID,
    scale,
    reset,
    getWorld: () => world,
    markDirty: () => {
      store.scheduleSave(world)
      // A cluster created by this write gets its own Kubernetes port; known clusters keep theirs (cheap no-op). Saved
      // again once connected, so that the new endpoint (and so its port) survives a restart.
      kube.connectClusters().then(
        () => closed || store.scheduleSave(world),
        (e: unknown) => closed || process.stderr.write(`sandbox: kube endpoint: ${String(e)}\n`),
      )
    },
    // CreateCluster: the new cluster's Kubernetes endpoint and CA before it answers, as for the seeded ones.
    clustersChanged: () => kube.connectClusters(),
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(awsPort, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${port}`,
    port,
    get world() {
      return world
    },
    faults,
    kube,
    reset,
    async close() {
      closed = true
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      })
      await kube.close()
      await store.flush()
    },
  }
}
