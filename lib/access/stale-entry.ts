// What a stale access-entry write (412) tells the browser, and how an edit is re-applied on top of the entry as it is
// now. Isomorphic: the edit dialog uses it, the unit test runs it without a browser.
import { ApiError } from '@/lib/api/api-error'

import type { AccessEntryDto } from './access-entry-dto'

/** `If-Match: *` — an explicit "whatever is there now" (retrying a step of one's own grant). */
export const ANY_VERSION = '*'

/** The If-Match header for a version the person saw. */
export function ifMatchHeader(version: string): { 'if-match': string } {
  return { 'if-match': version === ANY_VERSION ? '*' : `"${version}"` }
}

/** The current entry a 412 answer carries, or null when `error` is not a stale-write refusal. */
export function staleEntryOf(error: unknown): AccessEntryDto | null {
  if (!(error instanceof ApiError) || error.code !== 'precondition_failed') return null
  const raw = error.detail.currentEntry
  if (typeof raw !== 'string') return null
  try {
    // The console's own server wrote this entry (as it writes every answer: docs/client-bundle.md); the check only
    // tells an entry from something else a proxy might have put there.
    const parsed: unknown = JSON.parse(raw)
    const entry = parsed as Partial<AccessEntryDto> | null
    return typeof entry?.principalArn === 'string' && typeof entry.version === 'string'
      ? (parsed as AccessEntryDto)
      : null
  } catch {
    return null
  }
}

/** Username and groups, as the edit dialog holds them. */
export type EntryEdit = { username: string | null; kubernetesGroups: string[] }

/** Groups in `after` that are not in `before`, and the other way round. */
export function diffGroups(before: readonly string[], after: readonly string[]) {
  return {
    added: after.filter((g) => !before.includes(g)),
    removed: before.filter((g) => !after.includes(g)),
  }
}

/**
 * Re-applies what the person changed (from `base`, the entry they opened, to `mine`) on top of `current`: their
 * username if they changed it, else the current one; the groups they added and removed, applied to the current groups
 * (so a group someone else added meanwhile stays).
 */
export function reapplyEdit(base: EntryEdit, mine: EntryEdit, current: EntryEdit): EntryEdit {
  const { added, removed } = diffGroups(base.kubernetesGroups, mine.kubernetesGroups)
  const kept = current.kubernetesGroups.filter((g) => !removed.includes(g))
  return {
    username: (mine.username || null) !== (base.username || null) ? mine.username : current.username,
    kubernetesGroups: [...kept, ...added.filter((g) => !kept.includes(g))],
  }
}
