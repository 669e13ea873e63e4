'use client'

import type { ColumnDef, SortingState } from '@tanstack/react-table'
import { useMemo, useState } from 'react'

import { VirtualTable } from '@/components/resources/virtual-table'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Panel } from '@/components/ui/panel'
import type { WhoCanAnswerDto } from '@/lib/effective-access/effective-access-dto'

import { PathList } from './path-list'

type PrincipalRow = WhoCanAnswerDto['principals'][number]

const PATHS_ID = 'who-can-principal-paths'

// One line per row (the table is virtualized at a fixed row height): long values are cut with an ellipsis inside
// their column (the full text is the cell's title), and every path of a principal opens below the table, wrapped.
function buildColumns(selected: string | null, onSelect: (arn: string | null) => void): ColumnDef<PrincipalRow>[] {
  const cut = (text: string, width: string) => (
    <span title={text} className={`block truncate font-mono text-xs ${width}`}>
      {text}
    </span>
  )
  return [
    {
      id: 'principal',
      header: 'IAM principal',
      accessorKey: 'principalArn',
      cell: ({ row }) => cut(row.original.principalArn, 'max-w-[17rem]'),
    },
    {
      id: 'via',
      header: 'Signs in through',
      accessorFn: (p) => (p.via === 'access-entry' ? 'access entry' : 'aws-auth'),
    },
    {
      id: 'username',
      header: 'Username',
      accessorKey: 'username',
      cell: ({ row }) => cut(row.original.username, 'max-w-[14rem]'),
    },
    {
      id: 'path',
      header: 'Why',
      accessorFn: (p) => p.paths[0]?.text ?? '',
      cell: ({ row }) => {
        const p = row.original
        const open = selected === p.principalArn
        return (
          <div className="flex items-center gap-2">
            {cut(p.paths[0]?.text ?? '', 'max-w-[20rem]')}
            <button
              type="button"
              aria-expanded={open}
              aria-controls={PATHS_ID}
              onClick={() => onSelect(open ? null : p.principalArn)}
              className="shrink-0 rounded px-1.5 text-xs font-medium underline hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              {p.paths.length > 1 ? `All ${p.paths.length} paths` : 'Full path'}
              <span className="sr-only"> of {p.principalArn}</span>
            </button>
          </div>
        )
      },
    },
  ]
}

/** Who can: the IAM principals (virtualized, sortable) and the Kubernetes subjects, each with its paths. */
export function WhoCanResult({ answer, onCrossCheck }: { answer: WhoCanAnswerDto; onCrossCheck?: () => void }) {
  const [sorting, setSorting] = useState<SortingState>([])
  const [selected, setSelected] = useState<string | null>(null)
  const columns = useMemo(() => buildColumns(selected, setSelected), [selected])
  const shown = answer.principals.find((p) => p.principalArn === selected)
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
        <div id={PATHS_ID} aria-live="polite">
          {shown ? (
            <section
              aria-label={`Why ${shown.principalArn} can`}
              className="mt-3 rounded-md bg-zinc-50 p-3 dark:bg-zinc-900/60"
            >
              <p className="mb-1 font-mono text-xs break-all">
                {shown.principalArn} · {shown.username}
              </p>
              <PathList label={`Paths of ${shown.principalArn}`} paths={shown.paths} />
            </section>
          ) : null}
        </div>
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
