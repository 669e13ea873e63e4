// One kind's objects in one cluster, kept sorted by (namespace, name) — etcd's key order — so that a namespace is a
// contiguous range, pages are index ranges, and a 100,000-pod list is never copied to serve 500 of them.
import type { KubeObject } from './types'

export interface CollectionKey {
  namespace: string
  name: string
}

export interface PageRequest {
  /** Restrict to one namespace (a contiguous range). */
  namespace?: string
  /** Max items to return; 0/undefined = all. */
  limit?: number
  /** Start at this key (inclusive), from a continue token. */
  start?: CollectionKey
  /** Lazily applied selector; only objects passing it are counted. */
  filter?: (obj: KubeObject) => boolean
}

export interface PageResult {
  items: KubeObject[]
  /** The key of the first matching object after this page, if any. */
  next?: CollectionKey
  /** Objects after this page when no filter is applied (ListMeta.remainingItemCount). */
  remaining?: number
  /** How many stored objects were looked at: lets tests prove a page did not walk the whole list. */
  scanned: number
}

function compareKeys(aNs: string, aName: string, bNs: string, bName: string): number {
  if (aNs !== bNs) return aNs < bNs ? -1 : 1
  if (aName !== bName) return aName < bName ? -1 : 1
  return 0
}

/** Reads the value an index groups objects by (e.g. a pod's spec.nodeName); undefined leaves the object out. */
export type IndexKey = (obj: KubeObject) => string | undefined

/** A sorted array of objects with binary-search lookup and lazy, filtered pagination. */
export class ObjectCollection {
  private readonly items: KubeObject[]
  /** Secondary indexes by name, built on first use and dropped on any write (the sandbox's writes are rare). */
  private indexes = new Map<string, Map<string, ObjectCollection>>()

  /** Takes ownership of `items`; they are sorted once here. */
  constructor(items: KubeObject[] = []) {
    this.items = items
    this.items.sort((a, b) =>
      compareKeys(a.metadata.namespace ?? '', a.metadata.name, b.metadata.namespace ?? '', b.metadata.name),
    )
  }

  get size(): number {
    return this.items.length
  }

  /** First index whose key is >= (namespace, name). */
  private lowerBound(namespace: string, name: string): number {
    let lo = 0
    let hi = this.items.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const m = this.items[mid]!.metadata
      if (compareKeys(m.namespace ?? '', m.name, namespace, name) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Returns the stored object (do not mutate it) or undefined. */
  find(namespace: string, name: string): KubeObject | undefined {
    const i = this.lowerBound(namespace, name)
    const m = this.items[i]?.metadata
    return m && (m.namespace ?? '') === namespace && m.name === name ? this.items[i] : undefined
  }

  /**
   * The objects whose `key` is `value`, as a collection of their own in the same order, so a list pinned to that value
   * pages through them alone. kube-apiserver indexes pods by spec.nodeName the same way (the kubelet lists its node's
   * pods constantly), so a per-node list never walks every pod of the cluster.
   */
  indexed(name: string, key: IndexKey, value: string): ObjectCollection {
    let index = this.indexes.get(name)
    if (!index) {
      const groups = new Map<string, KubeObject[]>()
      for (const obj of this.items) {
        const k = key(obj)
        if (k === undefined) continue
        const group = groups.get(k)
        if (group) group.push(obj)
        else groups.set(k, [obj])
      }
      index = new Map([...groups].map(([k, objs]) => [k, new ObjectCollection(objs)]))
      this.indexes.set(name, index)
    }
    return index.get(value) ?? new ObjectCollection()
  }

  /** Inserts or replaces the object with the same key. */
  put(obj: KubeObject): void {
    this.indexes.clear()
    const ns = obj.metadata.namespace ?? ''
    const i = this.lowerBound(ns, obj.metadata.name)
    const m = this.items[i]?.metadata
    if (m && (m.namespace ?? '') === ns && m.name === obj.metadata.name) this.items[i] = obj
    else this.items.splice(i, 0, obj)
  }

  /** Removes and returns the object, if present. */
  remove(namespace: string, name: string): KubeObject | undefined {
    this.indexes.clear()
    const i = this.lowerBound(namespace, name)
    const found = this.find(namespace, name)
    if (found) this.items.splice(i, 1)
    return found
  }

  /** Every object, in key order (a copy of the array of references, for persistence and small scans). */
  all(): KubeObject[] {
    return this.items.slice()
  }

  /** Iterates objects in key order, optionally within one namespace, without copying. */
  *iterate(namespace?: string): Generator<KubeObject> {
    let i = namespace === undefined ? 0 : this.lowerBound(namespace, '')
    for (; i < this.items.length; i++) {
      const obj = this.items[i]!
      if (namespace !== undefined && (obj.metadata.namespace ?? '') !== namespace) return
      yield obj
    }
  }

  /** Serves one page: binary-search to the start, walk forward applying the filter, stop after limit+1 matches. */
  page(req: PageRequest): PageResult {
    const ns = req.namespace
    let i: number
    if (req.start) i = this.lowerBound(req.start.namespace, req.start.name)
    else i = ns === undefined ? 0 : this.lowerBound(ns, '')
    const limit = req.limit && req.limit > 0 ? req.limit : Number.POSITIVE_INFINITY
    const items: KubeObject[] = []
    let scanned = 0
    for (; i < this.items.length; i++) {
      const obj = this.items[i]!
      if (ns !== undefined && (obj.metadata.namespace ?? '') !== ns) break
      scanned++
      if (req.filter && !req.filter(obj)) continue
      if (items.length === limit) {
        const result: PageResult = {
          items,
          next: { namespace: obj.metadata.namespace ?? '', name: obj.metadata.name },
          scanned,
        }
        if (!req.filter) result.remaining = this.countRemaining(i, ns)
        return result
      }
      items.push(obj)
    }
    return { items, scanned }
  }

  private countRemaining(from: number, namespace: string | undefined): number {
    if (namespace === undefined) return this.items.length - from
    return this.lowerBound(`${namespace}\u0000`, '') - from
  }
}
