// Every sandbox cluster's Kubernetes state, keyed by region/name, with optional JSON persistence per cluster under
// the state dir (small clusters only: the large `scale` cluster is regenerated at start).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { ClusterStore, type ClusterStoreSnapshot } from './cluster-store'
import { formatClusterKey, type ClusterRef } from './types'

export interface KubeStoreOptions {
  /** Directory for `<region>__<name>.json` files; omit for a purely in-memory store (tests). */
  stateDir?: string
}

/** The registry of cluster stores the API server serves. */
export class KubeStore {
  private readonly clusters = new Map<string, { ref: ClusterRef; store: ClusterStore }>()
  readonly stateDir?: string

  constructor(opts: KubeStoreOptions = {}) {
    this.stateDir = opts.stateDir
  }

  /** The cluster's store, or undefined when the sandbox has no such cluster. */
  getCluster(ref: ClusterRef): ClusterStore | undefined {
    return this.clusters.get(formatClusterKey(ref))?.store
  }

  /** Every cluster served, in insertion order. */
  listClusters(): ClusterRef[] {
    return [...this.clusters.values()].map((c) => c.ref)
  }

  /**
   * Registers a cluster. With `persist` and a state dir, writes go to disk after every change (atomic rename), and
   * an existing file wins over `build` so that edits survive restarts.
   */
  addCluster(ref: ClusterRef, build: () => ClusterStore, opts: { persist: boolean } = { persist: true }): ClusterStore {
    const file = opts.persist ? this.fileFor(ref) : undefined
    const store =
      file && existsSync(file)
        ? new ClusterStore(JSON.parse(readFileSync(file, 'utf8')) as ClusterStoreSnapshot)
        : build()
    if (file) {
      store.onChange = () => this.save(ref, store, file)
      if (!existsSync(file)) this.save(ref, store, file)
    }
    this.clusters.set(formatClusterKey(ref), { ref, store })
    return store
  }

  /** Removes every saved cluster file (a fresh start: the seed is built, not loaded). Call before adding clusters. */
  forgetSavedState(): void {
    if (this.stateDir) rmSync(path.join(this.stateDir, 'kube'), { recursive: true, force: true })
  }

  /** Forgets a cluster (EKS DeleteCluster) and removes its file. */
  removeCluster(ref: ClusterRef): void {
    this.clusters.get(formatClusterKey(ref))?.store.changes.close()
    this.clusters.delete(formatClusterKey(ref))
    const file = this.fileFor(ref)
    if (file) rmSync(file, { force: true })
  }

  private fileFor(ref: ClusterRef): string | undefined {
    return this.stateDir ? path.join(this.stateDir, 'kube', `${ref.region}__${ref.name}.json`) : undefined
  }

  private save(_ref: ClusterRef, store: ClusterStore, file: string): void {
    mkdirSync(path.dirname(file), { recursive: true })
    const tmp = `${file}.tmp`
    writeFileSync(tmp, JSON.stringify(store.snapshot()))
    renameSync(tmp, file)
  }
}
