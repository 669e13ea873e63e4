'use client'

import type { ColumnDef, SortingState } from '@tanstack/react-table'
import { useState } from 'react'

import { VirtualTable } from '@/components/resources/virtual-table'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Panel } from '@/components/ui/panel'
import type { WhoCanAnswerDto } from '@/lib/effective-access/effective-access-dto'

import { PathList } from './path-list'

type PrincipalRow = WhoCanAnswerDto['principals'][number]

// One line per row (the table is virtualized at a fixed row height): the first path, and how many more.
const columns: ColumnDef<PrincipalRow>[] = [
  { id: 'principal', header: 'IAM principal', accessorKey: 'principalArn', meta: { className: 'font-mono text-xs' } },
  {
    id: 'via',
    header: 'Signs in through',
    accessorFn: (p) => (p.via === 'access-entry' ? 'access entry' : 'aws-auth'),
  },
  { id: 'username', header: 'Username', accessorKey: 'username', meta: { className: 'font-mono text-xs' } },
  {
    id: 'path',
    header: 'Why',
    accessorFn: (p) => p.paths[0]?.text ?? '',
    cell: ({ row }) => {
      const [first, ...more] = row.original.paths
      return (
        <span title={row.original.paths.map((p) => p.text).join('\n')} className="font-mono text-xs">
          {first?.text}
          {more.length > 0 ? ` (+${more.length} more)` : ''}
        </span>
      )
    },
  },
]

/** Who can: the IAM principals (virtualized, sortable) and the Kubernetes subjects, each with its paths. */
export function WhoCanResult({ answer, onCrossCheck }: { answer: WhoCanAnswerDto; onCrossCheck?: () => void }) {
  const [sorting, setSorting] = useState<SortingState>([])
  return (
    <div className="space-y-5">
      {answer.gaps.length > 0 ? (
        <Alert variant="warning" title="Part of the cluster could not be read; the answer may be incomplete">
          {answer.gaps.join(' · ')}
        </Alert>
      ) : null}
      <Panel
        title={`IAM principals (${answer.principals.length})`}
        description="Every access entry and aws-auth mapping this cluster reads that is allowed."
      >
        {answer.principals.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No IAM principal can.</p>
        ) : (
          <VirtualTable
            caption="IAM principals that can"
            columns={columns}
            rows={answer.principals}
            getRowId={(p) => p.principalArn}
            sorting={sorting}
            onSortingChange={setSorting}
            hasMore={false}
            loadingMore={false}
            onLoadMore={() => undefined}
          />
        )}
        {answer.mappedAccounts.length > 0 ? (
          <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
            aws-auth also lets in every principal of {answer.mappedAccounts.join(', ')} (mapAccounts, no groups).
          </p>
        ) : null}
      </Panel>
      <CrossCheckLine answer={answer} onCrossCheck={onCrossCheck} />
      <Panel
        title={`Kubernetes subjects (${answer.subjects.length})`}
        description="Users, groups and service accounts whose RBAC bindings allow it."
      >
        <ul className="space-y-3">
          {answer.subjects.map((s) => (
            <li key={`${s.subject.kind}/${s.subject.namespace ?? ''}/${s.subject.name}`}>
              <p className="text-sm font-medium">
                {s.subject.kind} {s.subject.namespace ? `${s.subject.namespace}/` : ''}
                {s.subject.name}
              </p>
              <PathList label={`Why ${s.subject.name} can`} paths={s.paths} />
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  )
}

/** The cluster's own answer for the RBAC part (SubjectAccessReviews), on request: a disagreement is listed, not hidden. */
function CrossCheckLine({ answer, onCrossCheck }: { answer: WhoCanAnswerDto; onCrossCheck?: () => void }) {
  const check = answer.crossCheck
  if (!check)
    return onCrossCheck ? (
      <Button onClick={onCrossCheck}>Cross-check with the cluster (one SubjectAccessReview per principal)</Button>
    ) : null
  if (check.disagreements.length === 0)
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        The cluster agrees on the RBAC part for {check.checked} principals
        {check.skipped ? ` (${check.skipped} not asked)` : ''}.{check.note ? ` ${check.note}` : ''}
      </p>
    )
  return (
    <Alert variant="error" title={`The cluster disagrees for ${check.disagreements.length} principals`}>
      <ul className="list-disc pl-5">
        {check.disagreements.map((d) => (
          <li key={d.principalArn}>
            {d.principalArn} ({d.username}): cluster {d.cluster ? 'allows' : 'refuses'}, resolver{' '}
            {d.resolver ? 'allows' : 'refuses'}
          </li>
        ))}
      </ul>
    </Alert>
  )
}
