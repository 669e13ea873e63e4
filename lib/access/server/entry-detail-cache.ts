import 'server-only'

import { processWide } from '@/lib/api/server/process-wide'
import { describeAccessEntry, type AccessEntryDetail } from '@/lib/aws/access-entries'

// ListAccessEntries returns bare ARNs, so every page view would otherwise cost two calls per entry (2,000 for a
// cluster with 1,000 entries). Details are cached per principal for a minute and dropped on the console's own writes;
// changes made elsewhere (CLI, Terraform) show up within the TTL, or at once with "Refresh" (fresh=true).
const TTL_MS = 60_000
const MAX_ENTRIES = 20_000

type Slot = { at: number; detail: Promise<AccessEntryDetail> }
// One cache per process: the access page's server-rendered first screen and the API routes (whose writes drop
// entries from it) run in different bundle layers.
const cache = processWide('entry-detail-cache', () => new Map<string, Slot>())

type EntryTarget = { region: string; cluster: string; principalArn: string }
const keyOf = (t: EntryTarget) => `${t.region}\u0000${t.cluster}\u0000${t.principalArn}`

/** The entry's details from the cache, or from EKS (in-flight calls are shared, failures are not cached). */
export function getEntryDetail(target: EntryTarget, options: { fresh?: boolean } = {}): Promise<AccessEntryDetail> {
  const key = keyOf(target)
  const slot = cache.get(key)
  if (slot && !options.fresh && Date.now() - slot.at < TTL_MS) return slot.detail
  const detail = describeAccessEntry(target)
  if (cache.size >= MAX_ENTRIES) cache.clear()
  cache.set(key, { at: Date.now(), detail })
  detail.catch(() => {
    if (cache.get(key)?.detail === detail) cache.delete(key)
  })
  return detail
}

/** Drops one entry's cached details after the console changed it. */
export function forgetEntryDetail(target: EntryTarget): void {
  cache.delete(keyOf(target))
}

/** Drops every cached entry (tests). */
export function clearEntryDetailCache(): void {
  cache.clear()
}
