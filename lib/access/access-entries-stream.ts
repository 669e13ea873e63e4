import type { AccessEntriesPage, AccessEntryDto } from './access-entry-dto'

/**
 * One line of GET …/access-entries?stream=1 (NDJSON, `application/x-ndjson`): `head` first, then `entries` runs in
 * ListAccessEntries order as they are described, then exactly one of `page` (the complete, authoritative answer: sorted,
 * with the lockout guard counting every admin) or `error` (the load failed part-way; what arrived is incomplete).
 */
export type AccessEntriesLine =
  | { kind: 'head'; head: Omit<AccessEntriesPage, 'entries' | 'unreadable'> }
  | { kind: 'entries'; entries: AccessEntryDto[]; listed: number }
  | { kind: 'page'; page: AccessEntriesPage }
  | { kind: 'error'; error: { code: string; message: string } }

/** The page while it streams: `loading` says how far it got; absent once the `page` line replaced it. */
export type StreamingAccessEntriesPage = AccessEntriesPage & { loading?: { loaded: number; listed: number } }

/** The access page's order: by principal name, then ARN (the server sorts the complete page the same way). */
export function compareAccessEntries(a: AccessEntryDto, b: AccessEntryDto): number {
  return a.principalName.localeCompare(b.principalName) || a.principalArn.localeCompare(b.principalArn)
}
