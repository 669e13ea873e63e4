import 'server-only'

import type { AccessEntriesLine } from '@/lib/access/access-entries-stream'
import { processWide } from '@/lib/api/server/process-wide'

/** Where a load's lines go: each line as it comes, or the failure that ended the load. */
export type LineSink = { line(line: AccessEntriesLine): void; fail(error: unknown): void }

type Relay = { lines: AccessEntriesLine[]; failure?: { error: unknown }; followers: Set<() => void> }

// The access page's server-rendered first screen starts a cold load of the cluster; the browser's stream opens moments
// later. Following that load, instead of starting a second one, spares a second ListAccessEntries walk, the cluster's
// context and a DTO per entry (the describes themselves were shared through the detail cache already).
const relays = processWide('access-entries-relays', () => new Map<string, Relay>())
const keyOf = (region: string, cluster: string) => `${region}/${cluster}`

/** Records a load of `region/cluster` for {@link followLoad} until it ends (its page line or its failure). */
export function relayLoad(region: string, cluster: string): LineSink {
  const key = keyOf(region, cluster)
  const relay: Relay = { lines: [], followers: new Set() }
  relays.set(key, relay)
  const end = () => {
    if (relays.get(key) === relay) relays.delete(key)
  }
  // A follower that throws is dropped: the load it follows must not fail for it.
  const notify = () =>
    relay.followers.forEach((follower) => {
      try {
        follower()
      } catch {
        relay.followers.delete(follower)
      }
    })
  return {
    line(line) {
      relay.lines.push(line)
      if (line.kind === 'page') end()
      notify()
    },
    fail(error) {
      relay.failure = { error }
      end()
      notify()
    },
  }
}

/**
 * Follows the load of `region/cluster` in flight, if there is one: `sink` gets every line it has given so far, then
 * each new one, then its end. False when no load is in flight.
 */
export function followLoad(region: string, cluster: string, sink: LineSink): boolean {
  const relay = relays.get(keyOf(region, cluster))
  if (!relay) return false
  let sent = 0
  const follower = () => {
    while (sent < relay.lines.length) sink.line(relay.lines[sent++]!)
    if (relay.failure) sink.fail(relay.failure.error)
    if (relay.failure || relay.lines.at(-1)?.kind === 'page') relay.followers.delete(follower)
  }
  relay.followers.add(follower)
  follower()
  return true
}
