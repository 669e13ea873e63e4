'use client'

import type { ColumnDef, SortingState } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import { useEffect, useMemo, useRef, type ReactNode } from 'react'

import { cn } from '@/lib/cn'

const ROW_HEIGHT = 40
// Start loading the next page this many rows before the end, so scrolling rarely waits.
const PREFETCH_ROWS = 60

type Cell<T> = (ctx: { row: { original: T }; getValue: () => unknown }) => ReactNode

/** A column's sort value: `accessorFn`, or the `accessorKey` field. */
function readValue<T>(column: ColumnDef<T>, row: T): unknown {
  if ('accessorFn' in column && column.accessorFn) return column.accessorFn(row, 0)
  if ('accessorKey' in column && column.accessorKey)
    return (row as Record<string, unknown>)[column.accessorKey as string]
  return undefined
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a ?? '').localeCompare(String(b ?? ''), 'en', { numeric: true })
}

/**
 * A virtualized data table: only the ~30 rows in view are in the DOM, whatever the number loaded, and the next page
 * is asked for as the person nears the end. Columns are TanStack Table column definitions, but rows are rendered
 * straight from the data: TanStack Table's row model builds an object with closures per row, which at 100,000 Pods
 * cost more heap (and re-render time per page) than the rows themselves. Sorting is client-side over the loaded rows
 * only (the caller says so in words); the header buttons expose it with aria-sort.
 */
export function VirtualTable<T>({
  caption,
  columns,
  rows,
  getRowId,
  sorting,
  onSortingChange,
  hasMore,
  loadingMore,
  onLoadMore,
  onVisibleRangeChange,
}: {
  caption: string
  columns: ColumnDef<T>[]
  rows: T[]
  getRowId: (row: T) => string
  sorting: SortingState
  onSortingChange: (next: SortingState) => void
  hasMore: boolean
  loadingMore: boolean
  onLoadMore: () => void
  onVisibleRangeChange?: (first: number, last: number) => void
}) {
  const sort = sorting[0]
  const sortColumn = sort ? columns.find((c) => c.id === sort.id) : undefined
  const tableRows = useMemo(() => {
    if (!sort || !sortColumn) return rows
    const direction = sort.desc ? -1 : 1
    return [...rows].sort((a, b) => direction * compareValues(readValue(sortColumn, a), readValue(sortColumn, b)))
  }, [rows, sort, sortColumn])
  const toggleSort = (id: string) => {
    if (sort?.id !== id) onSortingChange([{ id, desc: false }])
    else if (!sort.desc) onSortingChange([{ id, desc: true }])
    else onSortingChange([])
  }
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual manages its own memoization
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0

  useEffect(() => {
    if (hasMore && !loadingMore && last >= tableRows.length - PREFETCH_ROWS) onLoadMore()
  }, [hasMore, loadingMore, last, tableRows.length, onLoadMore])
  useEffect(() => onVisibleRangeChange?.(first, last), [first, last, onVisibleRangeChange])

  const padTop = items[0]?.start ?? 0
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  const columnCount = columns.length

  return (
    <div
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={`${caption} (scrollable)`}
      className="relative max-h-[max(24rem,calc(100vh-21rem))] overflow-auto rounded-lg border border-zinc-200 bg-white shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500/50 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <table className="w-full border-collapse text-left text-sm" aria-rowcount={tableRows.length + 1}>
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-zinc-50 dark:bg-zinc-900">
          <tr aria-rowindex={1}>
            {columns.map((column) => {
              const id = column.id ?? ''
              const sorted = sort?.id === id ? (sort.desc ? 'desc' : 'asc') : false
              const canSort = column.enableSorting !== false
              const label = typeof column.header === 'string' ? column.header : id
              return (
                <th
                  key={id}
                  scope="col"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  title={column.meta?.headerTitle}
                  className="border-b border-zinc-200 px-2.5 py-2 text-xs font-semibold tracking-wide whitespace-nowrap text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400"
                >
                  {canSort ? (
                    <button
                      type="button"
                      onClick={() => toggleSort(id)}
                      className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100"
                    >
                      {label}
                      {sorted === 'asc' ? (
                        <ArrowUp aria-hidden="true" className="size-3" />
                      ) : sorted === 'desc' ? (
                        <ArrowDown aria-hidden="true" className="size-3" />
                      ) : (
                        <ArrowUpDown aria-hidden="true" className="size-3 opacity-40" />
                      )}
                    </button>
                  ) : (
                    label
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: padTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = tableRows[item.index]
            if (row === undefined) return null
            return (
              <tr
                key={getRowId(row)}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
                className="border-b border-zinc-100 hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-800/40"
              >
                {columns.map((column) => {
                  const getValue = () => readValue(column, row)
                  const cell = column.cell as Cell<T> | undefined
                  return (
                    <td key={column.id} className={cn('px-2.5 py-1 whitespace-nowrap', column.meta?.className)}>
                      {cell ? cell({ row: { original: row }, getValue }) : String(getValue() ?? '')}
                    </td>
                  )
                })}
              </tr>
            )
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {loadingMore ? (
        <p role="status" className="px-3 py-2 text-center text-xs text-zinc-500 dark:text-zinc-400">
          Loading more…
        </p>
      ) : null}
    </div>
  )
}
