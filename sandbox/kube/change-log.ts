// The recent writes of one cluster, for watch: kube-apiserver's watch cache in miniature. It keeps a bounded window
// of events (older resourceVersions are "too old": 410 Expired, as upstream once etcd has compacted them) and
// notifies live watchers of every new event.
import type { KubeObject } from './types'

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface Change {
  /** The revision this write produced (the object's resourceVersion; for DELETED the deletion's revision). */
  revision: number
  storageKey: string
  type: ChangeType
  object: KubeObject
  /** The object before a MODIFIED write (selectors decide whether a watcher sees MODIFIED, ADDED or DELETED). */
  previous?: KubeObject
}

/** How many events a cluster keeps; upstream's watch cache keeps ~100 per kind and grows with load. */
export const CHANGE_LOG_CAPACITY = 1000

/** A ring of recent changes plus live subscribers. */
export class ChangeLog {
  private readonly changes: Change[] = []
  private readonly subscribers = new Set<(change: Change) => void>()
  private readonly closers = new Set<() => void>()
  /** Every change with revision > floor is retained; a watch from below floor has lost events. */
  private floor: number

  constructor(startRevision: number) {
    this.floor = startRevision
  }

  /** Records a change and hands it to every subscriber. */
  record(change: Change): void {
    this.changes.push(change)
    if (this.changes.length > CHANGE_LOG_CAPACITY) this.floor = this.changes.shift()?.revision ?? this.floor
    for (const s of this.subscribers) s(change)
  }

  /**
   * The retained changes after `revision`, or `expired` (with the oldest revision still answerable) when events after
   * it are no longer retained.
   */
  since(revision: number): { changes: Change[] } | { expired: true; oldest: number } {
    if (revision < this.floor) return { expired: true, oldest: this.floor }
    return { changes: this.changes.filter((c) => c.revision > revision) }
  }

  /** Subscribes to new changes (and to the log's end); returns the unsubscribe function. */
  subscribe(listener: (change: Change) => void, onClose?: () => void): () => void {
    this.subscribers.add(listener)
    if (onClose) this.closers.add(onClose)
    return () => {
      this.subscribers.delete(listener)
      if (onClose) this.closers.delete(onClose)
    }
  }

  /** Ends every subscription: the cluster's state was replaced (sandbox reset), so watchers must list again. */
  close(): void {
    const closers = [...this.closers]
    this.subscribers.clear()
    this.closers.clear()
    for (const c of closers) c()
  }
}
