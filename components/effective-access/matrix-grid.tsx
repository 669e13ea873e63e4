'use client'

import { Table, Td, Th, Tr } from '@/components/ui/table'
import { cn } from '@/lib/cn'
import type { PermissionMatrixDto } from '@/lib/effective-access/effective-access-dto'

export type MatrixCellDto = PermissionMatrixDto['cells'][number]
type Row = PermissionMatrixDto['resources'][number]

/** "only app-tls", "only app-tls, db", "only 3 names": a grant that reaches named objects only. */
export function describeNames(names: readonly string[]): string {
  return names.length <= 2 ? `only ${names.join(', ')}` : `only ${names.length} names`
}

function CellButton({ cell, label, selected, onSelect }: CellProps & { cell: MatrixCellDto; label: string }) {
  const names = cell.names
  return (
    <button
      type="button"
      onClick={() => onSelect(cell)}
      aria-label={`${label}: allowed${names ? ` only for ${names.join(', ')}` : ''}${cell.risk ? `, risky (${cell.risk})` : ''}. Show why.`}
      aria-pressed={selected === cell}
      className={cn(
        'rounded px-1.5 font-semibold whitespace-nowrap',
        names && 'text-xs font-medium',
        cell.risk
          ? 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300'
          : names
            ? 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200'
            : 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
      )}
    >
      {names ? describeNames(names) : '✓'}
    </button>
  )
}

type CellProps = { selected: MatrixCellDto | null; onSelect: (cell: MatrixCellDto) => void }

/**
 * One grid of the matrix: rows (resources or non-resource URLs) down, verbs across. The row header stays put while
 * the verbs scroll, so the last verb is always reachable.
 */
export function MatrixGrid({
  caption,
  rowLabel,
  rows,
  cells,
  selected,
  onSelect,
}: CellProps & { caption: string; rowLabel: string; rows: readonly Row[]; cells: ReadonlyMap<string, MatrixCellDto> }) {
  const verbs = [...new Set(rows.flatMap((r) => r.verbs))]
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th className="sticky left-0 z-10 dark:bg-zinc-900">{rowLabel}</Th>
          {verbs.map((v) => (
            <Th key={v} className="px-2 text-center tracking-normal normal-case">
              {v}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Tr key={r.key}>
            <Th
              scope="row"
              className="sticky left-0 z-10 bg-white px-4 py-1.5 font-mono text-xs normal-case dark:bg-zinc-900"
            >
              {r.key}
            </Th>
            {verbs.map((v) => {
              const cell = r.verbs.includes(v) ? cells.get(`${r.key} ${v}`) : undefined
              return (
                <Td key={v} className="px-2 py-1.5 text-center">
                  {!r.verbs.includes(v) ? null : cell ? (
                    <CellButton cell={cell} label={`${v} ${r.key}`} selected={selected} onSelect={onSelect} />
                  ) : (
                    <>
                      <span aria-hidden="true" className="text-zinc-400 dark:text-zinc-600">
                        –
                      </span>
                      <span className="sr-only">
                        {v} {r.key}: not allowed
                      </span>
                    </>
                  )}
                </Td>
              )
            })}
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
