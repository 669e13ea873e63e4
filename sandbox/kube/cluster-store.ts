// The objects of one sandbox cluster: per-kind sorted collections plus the cluster-wide resourceVersion counter
// (etcd's revision: every write bumps it, and every object carries the revision of its last write).
import { randomUUID } from 'node:crypto'

import { ChangeLog, type ChangeType } from './change-log'
import { buildAlreadyExists, buildConflict, buildNotFound } from './kube-error'
import { ObjectCollection } from './object-collection'
import type { KubeObject } from './types'

/** What the server needs to name an object in errors. */
export interface ResourceName {
  group: string
  resource: string
}

/** What /version reports unless a seed says otherwise (kubectl's dispatcher picks its client by this). */
export const DEFAULT_SERVER_VERSION = 'v1.32.9-eks-113cf36'

export interface ClusterStoreSnapshot {
  resourceVersion: number
  /** The cluster's `gitVersion`, e.g. `v1.33.5-eks-3cfe0ce`. */
  serverVersion?: string
  collections: Record<string, KubeObject[]>
}

/** Mutable state of one cluster. Stored objects are never handed out for mutation: writers pass fresh objects. */
export class ClusterStore {
  private readonly collections = new Map<string, ObjectCollection>()
  private revision: number
  /** The gitVersion /version reports. */
  readonly serverVersion: string
  /** Called after every successful write (persistence hooks in here). */
  onChange?: () => void
  /** Recent writes, for watch (not persisted: a restart expires older resourceVersions, as upstream's cache does). */
  readonly changes: ChangeLog

  constructor(snapshot?: ClusterStoreSnapshot) {
    this.revision = snapshot?.resourceVersion ?? 1
    this.changes = new ChangeLog(this.revision)
    this.serverVersion = snapshot?.serverVersion ?? DEFAULT_SERVER_VERSION
    for (const [key, items] of Object.entries(snapshot?.collections ?? {}))
      this.collections.set(key, new ObjectCollection(items))
  }

  /** The current revision, reported as a list's `metadata.resourceVersion`. */
  get resourceVersion(): string {
    return String(this.revision)
  }

  /** The collection for a storage key (created empty on first use). */
  collection(storageKey: string): ObjectCollection {
    let c = this.collections.get(storageKey)
    if (!c) {
      c = new ObjectCollection()
      this.collections.set(storageKey, c)
    }
    return c
  }

  /** Reads one object (undefined namespace = cluster-scoped). */
  get(storageKey: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.collections.get(storageKey)?.find(namespace ?? '', name)
  }

  /** Loads objects in bulk during seeding: no revision per object, sorted once (fast for 100,000 pods). */
  load(storageKey: string, items: KubeObject[]): void {
    for (const obj of items) {
      obj.metadata.resourceVersion ??= String(this.revision)
      obj.metadata.uid ??= randomUUID()
    }
    this.collections.set(storageKey, new ObjectCollection(items))
  }

  /** Creates an object; 409 AlreadyExists if the key is taken. Assigns uid, creationTimestamp and resourceVersion. */
  create(storageKey: string, names: ResourceName, obj: KubeObject, now = new Date()): KubeObject {
    const c = this.collection(storageKey)
    if (c.find(obj.metadata.namespace ?? '', obj.metadata.name))
      throw buildAlreadyExists(names.group, names.resource, obj.metadata.name)
    const stored: KubeObject = {
      ...obj,
      metadata: {
        ...obj.metadata,
        uid: randomUUID(),
        creationTimestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        resourceVersion: String(++this.revision),
      },
    }
    c.put(stored)
    this.changed('ADDED', storageKey, stored)
    return stored
  }

  private changed(type: ChangeType, storageKey: string, object: KubeObject, previous?: KubeObject): void {
    this.changes.record({ revision: this.revision, storageKey, type, object, previous })
    this.onChange?.()
  }

  /**
   * Replaces an object. A non-empty `metadata.resourceVersion` that differs from the stored one is a 409 Conflict
   * (optimistic concurrency, as kube-apiserver's GuaranteedUpdate); an empty one means "unconditional".
   */
  update(storageKey: string, names: ResourceName, obj: KubeObject): KubeObject {
    const c = this.collection(storageKey)
    const current = c.find(obj.metadata.namespace ?? '', obj.metadata.name)
    if (!current) throw buildNotFound(names.group, names.resource, obj.metadata.name)
    const rv = obj.metadata.resourceVersion
    if (rv && rv !== current.metadata.resourceVersion)
      throw buildConflict(names.group, names.resource, obj.metadata.name)
    const stored: KubeObject = {
      ...obj,
      metadata: {
        ...obj.metadata,
        // uid and creationTimestamp are immutable server-set fields.
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        resourceVersion: String(++this.revision),
      },
    }
    c.put(stored)
    this.changed('MODIFIED', storageKey, stored, current)
    return stored
  }

  /** Deletes and returns an object; 404 if absent. */
  delete(storageKey: string, names: ResourceName, namespace: string | undefined, name: string): KubeObject {
    const removed = this.collections.get(storageKey)?.remove(namespace ?? '', name)
    if (!removed) throw buildNotFound(names.group, names.resource, name)
    this.revision++
    // Watchers see the object at the deletion's revision, as etcd reports it.
    const gone = { ...removed, metadata: { ...removed.metadata, resourceVersion: String(this.revision) } }
    this.changed('DELETED', storageKey, gone)
    return removed
  }

  /** Removes every namespaced object in a namespace (the namespace controller's job once a Namespace is deleted). */
  deleteNamespaceContents(namespace: string): void {
    for (const [key, c] of this.collections) {
      const names = [...c.iterate(namespace)].map((o) => o.metadata.name)
      for (const name of names) {
        const removed = c.remove(namespace, name)
        if (!removed) continue
        this.revision++
        const gone = { ...removed, metadata: { ...removed.metadata, resourceVersion: String(this.revision) } }
        this.changes.record({ revision: this.revision, storageKey: key, type: 'DELETED', object: gone })
      }
    }
    this.revision++
    this.onChange?.()
  }

  /** A JSON-serializable copy of the state, for the state dir. */
  snapshot(): ClusterStoreSnapshot {
    const collections: Record<string, KubeObject[]> = {}
    for (const [key, c] of this.collections) collections[key] = c.all()
    return { resourceVersion: this.revision, serverVersion: this.serverVersion, collections }
  }
}
