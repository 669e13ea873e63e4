'use client'

import { AlertTriangle, Lock, Pencil, ShieldPlus, Trash2 } from 'lucide-react'
import { memo } from 'react'

import { TimeLeft } from '@/components/time-bound/time-left'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Td, Tr } from '@/components/ui/table'
import type { AccessEntryDto } from '@/lib/access/access-entry-dto'
import type { TimeBoundGrantDto } from '@/lib/time-bound/time-bound-dto'
import { formatUtcDateTime } from '@/lib/utc-date-time'

import { PolicyChip } from './scope-label'

export type EntryAction = 'edit' | 'policies' | 'delete'

const formatDate = (iso: string | null) => (iso ? formatUtcDateTime(iso, 'minutes') : '—')

/**
 * One access entry's row. Memoized: while the rest of a 1,000-entry cluster streams in, the table re-renders about ten
 * times a second and the rows already on screen (the same entry objects) are left alone.
 */
export const EntryRow = memo(function EntryRow({
  entry,
  grants,
  now,
  canEdit,
  onAction,
}: {
  entry: AccessEntryDto
  /** This entry's active time-bound grants; undefined hides the column. */
  grants: TimeBoundGrantDto[] | undefined
  now: Date
  canEdit: boolean
  onAction: (action: EntryAction, entry: AccessEntryDto) => void
}) {
  return (
    <Tr data-principal-arn={entry.principalArn}>
      <Td className="max-w-xs align-top">
        <div className="flex items-center gap-2">
          <span className="font-medium break-all">{entry.principalName}</span>
          <Badge>{entry.principalKind === 'other' ? 'principal' : entry.principalKind}</Badge>
        </div>
        <div className="mt-0.5 font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">{entry.principalArn}</div>
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
          <TimeLeft grants={grants} now={now} />
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
  )
})
