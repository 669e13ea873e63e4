'use client'

import { useState } from 'react'

import { useNow } from '@/components/time-bound/use-now'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { ACCESS_ENTRIES_PAGE_SIZE } from '@/lib/access/access-entries-stream'
import type { AccessEntryDto } from '@/lib/access/access-entry-dto'
import type { TimeBoundGrantDto } from '@/lib/time-bound/time-bound-dto'

import { EntryRow, type EntryAction } from './entry-row'

const NO_GRANTS: TimeBoundGrantDto[] = []

/**
 * The access entries, 50 rows a page (a 1,000-entry cluster renders as fast as a small one). EKS-managed entries show
 * a badge and the reason instead of controls; a node entry the customer owns keeps its controls with a warning;
 * viewers get no controls at all.
 */
export function EntriesTable({
  entries,
  grants,
  canEdit,
  pendingRows = 0,
  onAction,
}: {
  entries: AccessEntryDto[]
  /** Active time-bound grants by principal ARN; undefined while unknown (the column is then hidden). */
  grants?: Map<string, TimeBoundGrantDto[]>
  canEdit: boolean
  /** Entries listed but not described yet: placeholder rows keep the page's height while they stream in. */
  pendingRows?: number
  onAction: (action: EntryAction, entry: AccessEntryDto) => void
}) {
  const [page, setPage] = useState(0)
  const pages = Math.max(1, Math.ceil(entries.length / ACCESS_ENTRIES_PAGE_SIZE))
  const current = Math.min(page, pages - 1)
  const rows = entries.slice(current * ACCESS_ENTRIES_PAGE_SIZE, (current + 1) * ACCESS_ENTRIES_PAGE_SIZE)
  const placeholders = Math.min(ACCESS_ENTRIES_PAGE_SIZE - rows.length, pendingRows)
  const columns = grants ? 7 : 6
  const now = useNow(30_000)
  return (
    <div className="space-y-3">
      <Table caption="Access entries">
        <thead>
          <tr>
            <Th>Principal</Th>
            <Th>Type</Th>
            <Th>Username and groups</Th>
            <Th>Access policies</Th>
            {grants ? <Th>Time left</Th> : null}
            <Th>Created / modified (UTC)</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <EntryRow
              key={entry.principalArn}
              entry={entry}
              grants={grants ? (grants.get(entry.principalArn) ?? NO_GRANTS) : undefined}
              now={now}
              canEdit={canEdit}
              onAction={onAction}
            />
          ))}
          {Array.from({ length: placeholders }, (_, i) => (
            <Tr key={`pending-${i}`} aria-hidden="true">
              <Td colSpan={columns} className="align-top">
                <Skeleton className="h-14 w-full" />
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          <span className="text-zinc-600 dark:text-zinc-400">
            {current * ACCESS_ENTRIES_PAGE_SIZE + 1}–
            {Math.min((current + 1) * ACCESS_ENTRIES_PAGE_SIZE, entries.length)} of {entries.length}
          </span>
          <div className="flex gap-2">
            <Button disabled={current === 0} onClick={() => setPage(current - 1)}>
              Previous
            </Button>
            <Button disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              Next
            </Button>
          </div>
        </nav>
      ) : null}
    </div>
  )
}
