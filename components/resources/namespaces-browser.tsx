'use client'

import type { ColumnDef } from '@tanstack/react-table'
import Link from 'next/link'
import { useCallback, useMemo } from 'react'

import { Badge } from '@/components/ui/badge'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { namespaceListQuery, resourceListUrl } from '@/lib/queries/resource-queries'
import { namespacePageSchema, type NamespaceRow } from '@/lib/resources/resource-dto'
import { namespaceFiltersSchema, type NamespaceFilters } from '@/lib/resources/resource-filters'

import { DebouncedInput } from './debounced-input'
import { formatAge } from './format'
import { PodCountCell, PodCountsContext, useVisiblePodCounts } from './pod-counts'
import { ResourceListView } from './resource-list-view'
import { resourcePaths } from './resource-links'
import { useResourceList } from './use-resource-list'
import { useUrlState } from './use-url-state'
import { useVisibleWindow } from './use-visible-window'

const nsName = (n: NamespaceRow) => n.name

function buildColumns(cluster: ClusterRef): ColumnDef<NamespaceRow>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      accessorKey: 'name',
      cell: ({ row: { original: n } }) => (
        <Link
          prefetch={false}
          href={resourcePaths.namespace(cluster, n.name)}
          className="font-medium text-sky-700 hover:underline dark:text-sky-400"
        >
          {n.name}
        </Link>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      accessorKey: 'status',
      cell: ({ row: { original: n } }) => <Badge tone={n.status === 'Active' ? 'green' : 'amber'}>{n.status}</Badge>,
    },
    {
      id: 'pods',
      header: 'Pods',
      enableSorting: false,
      cell: ({ row: { original: n } }) => (
        <PodCountCell name={n.name} href={resourcePaths.pods(cluster, `?ns=${encodeURIComponent(n.name)}`)} />
      ),
    },
    {
      id: 'age',
      header: 'Age',
      accessorFn: (n) => (n.createdAt ? -Date.parse(n.createdAt) : 0),
      cell: ({ row: { original: n } }) => formatAge(n.createdAt),
    },
    {
      id: 'labels',
      header: 'Labels',
      enableSorting: false,
      cell: ({ row: { original: n } }) => (
        <span className="flex max-w-xl gap-1 overflow-hidden">
          {Object.entries(n.labels).map(([k, v]) => (
            <Badge key={k} className="font-mono">
              {k}={v}
            </Badge>
          ))}
        </span>
      ),
    },
  ]
}

/** The namespaces list, with Pod counts (one `limit=1` list each) for the rows on screen. */
export function NamespacesBrowser({ cluster }: { cluster: ClusterRef }) {
  const { filters, sorting, setFilters, setSorting } = useUrlState(namespaceFiltersSchema)
  const columns = useMemo(() => buildColumns(cluster), [cluster])
  const pageUrl = useCallback(
    (cursor: string | null) => resourceListUrl(cluster, 'namespaces', filters, cursor),
    [cluster, filters],
  )
  const base = useResourceList<NamespaceRow>(namespaceListQuery(cluster, filters), pageUrl, namespacePageSchema)
  const { list, names } = useVisibleWindow(base, nsName, sorting.length > 0)
  const counts = useVisiblePodCounts(cluster, 'namespaces', names)
  const set =
    <K extends keyof NamespaceFilters>(key: K) =>
    (value: NamespaceFilters[K]) =>
      setFilters({ ...filters, [key]: value })

  return (
    <div className="space-y-4">
      <div role="search" aria-label="Filter namespaces" className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="namespace-search" className="sr-only">
            Namespace name contains
          </label>
          <DebouncedInput
            id="namespace-search"
            type="search"
            placeholder="Name contains…"
            value={filters.q}
            onCommit={set('q')}
          />
        </div>
        <div>
          <label htmlFor="namespace-labels" className="sr-only">
            Label selector
          </label>
          <DebouncedInput
            id="namespace-labels"
            placeholder="Labels, e.g. team=shop"
            value={filters.labels}
            onCommit={set('labels')}
            className="font-mono"
          />
        </div>
      </div>
      <PodCountsContext.Provider value={counts}>
        <ResourceListView
          noun="namespaces"
          list={list}
          columns={columns}
          getRowId={nsName}
          sorting={sorting}
          onSortingChange={setSorting}
          filtered={Boolean(filters.q || filters.labels)}
        />
      </PodCountsContext.Provider>
    </div>
  )
}
