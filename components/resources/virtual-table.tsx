'use client'

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import { useEffect, useRef } from 'react'

import { cn } from '@/lib/cn'

const ROW_HEIGHT = 40
// Start loading the next page this many rows before the end, so scrolling rarely waits.
const PREFETCH_ROWS = 60

/**
 * A virtualized data table (TanStack Table + TanStack Virtual): only the ~30 rows in view are in the DOM, whatever
 * the number loaded, and the next page is asked for as the person nears the end. Sorting is client-side over the
 * loaded rows only (the caller says so in words); the header buttons expose it with aria-sort.
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
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table (the brief's choice) manages its own memoization
  const table = useReactTable({
    data: rows,
    columns,
    getRowId,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    enableSortingRemoval: true,
  })
  const tableRows = table.getRowModel().rows
  const scrollRef = useRef<HTMLDivElement>(null)
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
      className="max-h-[max(24rem,calc(100vh-21rem))] overflow-auto rounded-lg border border-zinc-200 bg-white shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500/50 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <table className="w-full border-collapse text-left text-sm" aria-rowcount={tableRows.length + 1}>
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-zinc-50 dark:bg-zinc-900">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted()
                const canSort = header.column.getCanSort()
                const label = flexRender(header.column.columnDef.header, header.getContext())
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    className="border-b border-zinc-200 px-3 py-2 text-xs font-semibold tracking-wide whitespace-nowrap text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400"
                  >
                    {canSort ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
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
          ))}
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: padTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = tableRows[item.index]
            if (!row) return null
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
                className="border-b border-zinc-100 hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-800/40"
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cn('px-3 py-1 whitespace-nowrap', cell.column.columnDef.meta?.className)}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
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
