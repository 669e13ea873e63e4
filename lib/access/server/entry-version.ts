import 'server-only'

import { createHash } from 'node:crypto'

import type { AccessEntryDto } from '@/lib/access/access-entry-dto'
import { ConsoleError } from '@/lib/api/console-error'
import type { AccessEntryDetail } from '@/lib/aws/access-entries'

// EKS has no ETag or conditional write for access entries (UpdateAccessEntry, AssociateAccessPolicy and
// DeleteAccessEntry take no precondition: https://docs.aws.amazon.com/eks/latest/APIReference/API_UpdateAccessEntry.html).
// The console makes its own version from everything a person edits, and checks it under the per-cluster write lock
// after re-reading the entry, so writes made through this console cannot silently overwrite each other. A change made
// elsewhere (CLI, Terraform) between the re-read and the write is not caught: EKS offers nothing to catch it with.

/**
 * The version of an entry as the console shows it: a hash of its modifiedAt, type, username, groups and every policy
 * association with its scope. Group and namespace order carries no meaning in Kubernetes, so both are sorted.
 */
export function computeEntryVersion(detail: AccessEntryDetail): string {
  const policies = [...detail.policies]
    .sort((a, b) => a.policyArn.localeCompare(b.policyArn))
    .map((p) => [p.policyArn, p.accessScope.type, [...p.accessScope.namespaces].sort(), p.modifiedAt])
  const material = JSON.stringify([
    detail.modifiedAt,
    detail.type,
    detail.username,
    [...detail.kubernetesGroups].sort(),
    policies,
  ])
  return createHash('sha256').update(material).digest('base64url').slice(0, 22)
}

/** What a write's `If-Match` header asked for. */
export type IfMatch = { kind: 'absent' } | { kind: 'any' } | { kind: 'versions'; versions: string[] }

/**
 * Parses `If-Match` (https://www.rfc-editor.org/rfc/rfc9110#field.if-match): `*`, or a list of quoted entity tags.
 * Weak tags (`W/"…"`) never match, as the RFC's strong comparison requires.
 */
export function parseIfMatch(header: string | null): IfMatch {
  if (header === null || header.trim() === '') return { kind: 'absent' }
  if (header.trim() === '*') return { kind: 'any' }
  const versions = header
    .slice(0, 2000)
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => /^"[^"]*"$/.test(tag))
    .map((tag) => tag.slice(1, -1))
  return { kind: 'versions', versions }
}

/** The `ETag` header value of a version. */
export const etagOf = (version: string) => `"${version}"`

/** A JSON answer with one entry and its version as `ETag`. */
export function entryResponse(entry: AccessEntryDto): Response {
  return Response.json(entry, { headers: { etag: etagOf(entry.version) } })
}

/**
 * Checks a write's `If-Match` against the entry as re-read under the write lock. `required` writes (PATCH, adding or
 * re-scoping a policy: they replace a whole list, so a stale read loses someone else's change) answer 428 without one;
 * `If-Match: *` is an API client's explicit "whatever is there now". A stale version answers 412 with the current entry
 * in `detail.currentEntry` (JSON), so the person can see what changed and re-apply.
 */
export function assertEntryVersion(entry: AccessEntryDto, ifMatch: IfMatch, options: { required: boolean }): void {
  if (ifMatch.kind === 'any') return
  if (ifMatch.kind === 'absent') {
    if (!options.required) return
    throw new ConsoleError(
      'precondition_required',
      'This change needs an If-Match header with the entry version you read (its ETag), or If-Match: * to overwrite whatever is there.',
    )
  }
  if (ifMatch.versions.includes(entry.version)) return
  throw new ConsoleError(
    'precondition_failed',
    'This access entry changed since you loaded it, so nothing was changed. Review the current entry and apply your change again.',
    { detail: { currentVersion: entry.version, currentEntry: JSON.stringify(entry) } },
  )
}
