// One HTTPS listener per cluster, so that each cluster has its own endpoint origin as on EKS (one host per cluster).
// A path prefix per cluster on a shared port is not enough: kubectl's raw requests (`kubectl get --raw /api/v1/…`)
// and other client-go tools drop the server URL's path.
//
// Port choice: with a fixed Kubernetes port P (the default sandbox: 4567) clusters get P+1, P+2, … in the order they
// are opened (the seeded clusters sorted by region/name first), so the demo clusters' endpoints are the same on
// every start and in every e2e run; a cluster whose saved endpoint names a port (persisted world) asks for that port
// again, so a kubeconfig written for a cluster created at run time stays valid across restarts. With P = 0 (tests)
// every cluster gets an OS-assigned port: parallel test sandboxes must never collide. A taken port falls back to an
// OS-assigned one; the endpoint written into the cluster's state is always the port actually bound.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'

import { formatClusterKey, type ClusterRef } from './types'

export interface ClusterListenersOptions {
  host: string
  /** Host as it goes into a URL (IPv6 in brackets, wildcard binds advertised as loopback). */
  urlHost: string
  /** The shared Kubernetes port when fixed; 0 = every cluster gets an OS-assigned port. */
  basePort: number
  tls: { cert: string; key: string }
  serve(cluster: ClusterRef, req: IncomingMessage, res: ServerResponse): void
}

/** The per-cluster listeners of one Kubernetes API. */
export interface ClusterListeners {
  /** The cluster's own endpoint, once it listens. */
  endpointFor(cluster: ClusterRef): string | undefined
  /** Opens the cluster's listener (idempotent) and resolves to its endpoint; `preferredPort` from saved state. */
  open(cluster: ClusterRef, preferredPort?: number): Promise<string>
  /** Stops the cluster's listener and its open connections (EKS DeleteCluster); a no-op when it has none. */
  closeCluster(cluster: ClusterRef): Promise<void>
  close(): Promise<void>
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error)
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

function stopServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections()
    if (!server.listening) return resolve()
    server.close(() => resolve())
  })
}

/** Creates the (initially empty) set of per-cluster listeners. */
export function createClusterListeners(opts: ClusterListenersOptions): ClusterListeners {
  const open = new Map<string, { server: Server; endpoint?: string; ready: Promise<string> }>()
  const usedPorts = new Set<number>()
  let nextIndex = 1
  let closed = false

  const nextDeterministicPort = (): number => {
    while (usedPorts.has(opts.basePort + nextIndex)) nextIndex++
    return opts.basePort + nextIndex++
  }

  async function bind(server: Server, preferredPort: number | undefined): Promise<number> {
    const wanted = preferredPort ?? (opts.basePort === 0 ? 0 : nextDeterministicPort())
    if (wanted !== 0) usedPorts.add(wanted)
    try {
      return await listen(server, wanted, opts.host)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || wanted === 0) throw error
      return listen(server, 0, opts.host)
    }
  }

  return {
    endpointFor: (cluster) => open.get(formatClusterKey(cluster))?.endpoint,
    open(cluster, preferredPort) {
      const key = formatClusterKey(cluster)
      const existing = open.get(key)
      if (existing) return existing.ready
      // A write that lands while the sandbox stops must not leave a listener nobody closes.
      if (closed) return Promise.reject(new Error('the Kubernetes API is closed'))
      const server = createServer(opts.tls, (req, res) => opts.serve(cluster, req, res))
      const entry: { server: Server; endpoint?: string; ready: Promise<string> } = {
        server,
        ready: bind(server, preferredPort).then((port) => {
          usedPorts.add(port)
          entry.endpoint = `https://${opts.urlHost}:${port}`
          return entry.endpoint
        }),
      }
      entry.ready.catch(() => open.delete(key))
      open.set(key, entry)
      return entry.ready
    },
    async closeCluster(cluster) {
      const key = formatClusterKey(cluster)
      const entry = open.get(key)
      if (!entry) return
      open.delete(key)
      // Its port is not handed out again: a kubeconfig still naming it must fail, not reach another cluster.
      await entry.ready.catch(() => undefined)
      await stopServer(entry.server)
    },
    async close() {
      closed = true
      await Promise.all([...open.values()].map((e) => stopServer(e.server)))
      open.clear()
    },
  }
}
