'use client'

import type { ColumnDef } from '@tanstack/react-table'
import { useMemo } from 'react'

import { Badge } from '@/components/ui/badge'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { namespaceListQuery } from '@/lib/queries/resource-queries'
import type { NamespaceRow } from '@/lib/resources/resource-dto'
import type { NamespaceFilters } from '@/lib/resources/resource-filters'

import { ResourceBrowser } from './resource-browser'
import { ageColumn, nameColumn, podCountColumn } from './resource-columns'
import { LabelFilter, NameFilter } from './resource-filters'
import { resourcePaths } from './resource-links'
import { useResourceBrowser } from './use-resource-browser'

const nsName = (n: NamespaceRow) => n.name

function buildColumns(cluster: ClusterRef): ColumnDef<NamespaceRow>[] {
  return [
    nameColumn((n) => resourcePaths.namespace(cluster, n.name)),
    {
      id: 'status',
      header: 'Status',
      accessorKey: 'status',
      cell: ({ row: { original: n } }) => <Badge tone={n.status === 'Active' ? 'green' : 'amber'}>{n.status}</Badge>,
    },
    podCountColumn((n) => resourcePaths.pods(cluster, `?ns=${encodeURIComponent(n.name)}`)),
    ageColumn(),
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
export function NamespacesBrowser({
  cluster,
  filters: urlFilters,
}: {
  cluster: ClusterRef
  filters: NamespaceFilters
}) {
  const browser = useResourceBrowser({
    cluster,
    filters: urlFilters,
    listQuery: namespaceListQuery,
  })
  const { filters, setFilter } = browser
  const columns = useMemo(() => buildColumns(cluster), [cluster])

  return (
    <ResourceBrowser
      noun="namespaces"
      filterGrid="sm:grid-cols-2"
      filterBar={
        <>
          <NameFilter id="namespace-search" noun="Namespace" value={filters.q} onCommit={setFilter('q')} />
          <LabelFilter
            id="namespace-labels"
            example="team=shop"
            value={filters.labels}
            onCommit={setFilter('labels')}
          />
        </>
      }
      browser={browser}
      columns={columns}
      getRowId={nsName}
      podCounts={{ cluster, by: 'namespaces', nameOf: nsName }}
    />
  )
}
