'use client'

import { AlertTriangle, Lock, Pencil, ShieldPlus, Trash2 } from 'lucide-react'
import { useState } from 'react'

import { TimeLeft } from '@/components/time-bound/time-left'
import { useNow } from '@/components/time-bound/use-now'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { ACCESS_ENTRIES_PAGE_SIZE } from '@/lib/access/access-entries-stream'
import type { AccessEntryDto } from '@/lib/access/access-entry-dto'
import type { TimeBoundGrantDto } from '@/lib/time-bound/time-bound-dto'

import { PolicyChip } from './scope-label'

const formatDate = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) : '—'

export type EntryAction = 'edit' | 'policies' | 'delete'

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
            <Tr key={entry.principalArn} data-principal-arn={entry.principalArn}>
              <Td className="max-w-xs align-top">
                <div className="flex items-center gap-2">
                  <span className="font-medium break-all">{entry.principalName}</span>
                  <Badge>{entry.principalKind === 'other' ? 'principal' : entry.principalKind}</Badge>
                </div>
                <div className="mt-0.5 font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">
                  {entry.principalArn}
                </div>
                {entry.managedReason ? (
                  <div className="mt-2 space-y-1">
                    <Badge tone="violet">
                      <Lock aria-hidden="true" className="size-3" /> Managed by EKS
                    </Badge>
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">{entry.managedReason}</p>
                  </div>
                ) : null}
                {entry.nodeWarning ? (
                  <p className="mt-2 flex gap-1.5 text-xs text-amber-800 dark:text-amber-300">
                    <AlertTriangle aria-hidden="true" className="mt-0.5 size-3 shrink-0" />
                    <span>
                      <span className="sr-only">Warning: </span>
                      {entry.nodeWarning}
                    </span>
                  </p>
                ) : null}
              </Td>
              <Td className="align-top">
                <Badge tone={entry.type === 'STANDARD' ? 'neutral' : 'amber'}>{entry.type}</Badge>
              </Td>
              <Td className="max-w-xs align-top">
                <div className="font-mono text-xs break-all">{entry.username ?? '—'}</div>
                <div className="mt-1 flex flex-wrap gap-1">
                  {entry.kubernetesGroups.map((g) => (
                    <Badge key={g}>{g}</Badge>
                  ))}
                </div>
              </Td>
              <Td className="align-top">
                {entry.policies.length === 0 ? (
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">
                    {entry.kubernetesGroups.length === 0 && entry.type === 'STANDARD'
                      ? 'None — this entry grants nothing'
                      : 'None'}
                  </span>
                ) : (
                  <ul className="space-y-1">
                    {entry.policies.map((p) => (
                      <li key={p.policyArn}>
                        <PolicyChip policy={p} />
                      </li>
                    ))}
                  </ul>
                )}
              </Td>
              {grants ? (
                <Td className="align-top">
                  <TimeLeft grants={grants.get(entry.principalArn) ?? []} now={now} />
                </Td>
              ) : null}
              <Td className="align-top text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                <div>{formatDate(entry.createdAt)}</div>
                <div>{formatDate(entry.modifiedAt)}</div>
              </Td>
              <Td className="align-top">
                {canEdit && !entry.managedReason ? (
                  <div className="flex justify-end gap-1">
                    {entry.type === 'STANDARD' ? (
                      <>
                        <Button
                          variant="ghost"
                          aria-label={`Edit ${entry.principalName}`}
                          onClick={() => onAction('edit', entry)}
                        >
                          <Pencil aria-hidden="true" className="size-4" />
                        </Button>
                        <Button
                          variant="ghost"
                          aria-label={`Access policies of ${entry.principalName}`}
                          onClick={() => onAction('policies', entry)}
                        >
                          <ShieldPlus aria-hidden="true" className="size-4" />
                        </Button>
                      </>
                    ) : null}
                    <Button
                      variant="ghost"
                      aria-label={`Delete ${entry.principalName}`}
                      onClick={() => onAction('delete', entry)}
                    >
                      <Trash2 aria-hidden="true" className="size-4 text-red-600 dark:text-red-400" />
                    </Button>
                  </div>
                ) : null}
              </Td>
            </Tr>
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
