import type { ColumnDef } from '@tanstack/react-table'
import Link from 'next/link'

import { formatAge, formatTimestamp } from './format'
import { PodCountCell } from './pod-counts'

/** The Name column: the object's name (or a shorter `label` with the name as its tooltip), linking to its detail page. */
export function nameColumn<Row extends { name: string }>(
  href: (row: Row) => string,
  label?: (name: string) => string,
): ColumnDef<Row> {
  return {
    id: 'name',
    header: 'Name',
    accessorFn: (row) => row.name,
    cell: ({ row: { original } }) => (
      <Link
        prefetch={false}
        href={href(original)}
        title={label ? original.name : undefined}
        className="font-medium text-sky-700 hover:underline dark:text-sky-400"
      >
        {label ? label(original.name) : original.name}
      </Link>
    ),
  }
}

/** The Age column; `withTimestamp` adds the creation time as the cell's tooltip. */
export function ageColumn<Row extends { createdAt: string | null }>({
  withTimestamp = false,
}: { withTimestamp?: boolean } = {}): ColumnDef<Row> {
  return {
    id: 'age',
    header: 'Age',
    // Older first when sorted ascending by age, like kubectl --sort-by=.metadata.creationTimestamp reversed.
    accessorFn: (row) => (row.createdAt ? -Date.parse(row.createdAt) : 0),
    cell: ({ row: { original } }) =>
      withTimestamp ? (
        <span title={formatTimestamp(original.createdAt)}>{formatAge(original.createdAt)}</span>
      ) : (
        formatAge(original.createdAt)
      ),
  }
}

/** The Pods column of namespaces and nodes: the row's Pod count, linking to the Pods list filtered to the row. */
export function podCountColumn<Row extends { name: string }>(href: (row: Row) => string): ColumnDef<Row> {
  return {
    id: 'pods',
    header: 'Pods',
    enableSorting: false,
    cell: ({ row: { original } }) => <PodCountCell name={original.name} href={href(original)} />,
  }
}
