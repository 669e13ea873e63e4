'use client'

import type { ColumnDef } from '@tanstack/react-table'
import { useMemo } from 'react'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { nodeListQuery } from '@/lib/queries/resource-queries'
import { shortNodeName } from '@/lib/resources/ec2-node-names'
import { formatCpu, formatMemory } from '@/lib/resources/quantity'
import type { NodeRow } from '@/lib/resources/resource-dto'
import { nodeStatusFilters } from '@/lib/resources/resource-filter-query'
import type { NodeFilters } from '@/lib/resources/resource-filters'

import { NodeSourceLabel, NodeStatusBadges } from './node-badges'
import { ResourceBrowser } from './resource-browser'
import { ageColumn, nameColumn, podCountColumn } from './resource-columns'
import { LabelFilter, NameFilter, StatusFilter } from './resource-filters'
import { resourcePaths } from './resource-links'
import { useResourceBrowser } from './use-resource-browser'

const nodeName = (n: NodeRow) => n.name

function buildColumns(cluster: ClusterRef): ColumnDef<NodeRow>[] {
  return [
    nameColumn((n) => resourcePaths.node(cluster, n.name), shortNodeName),
    {
      id: 'status',
      header: 'Status',
      accessorKey: 'status',
      cell: ({ row: { original: n } }) => <NodeStatusBadges node={n} />,
    },
    { id: 'roles', header: 'Roles', accessorFn: (n) => n.roles.join(',') || '—', enableSorting: false },
    {
      id: 'source',
      header: 'Source',
      accessorFn: (n) => `${n.source.kind}/${n.source.name ?? ''}`,
      cell: ({ row: { original: n } }) => <NodeSourceLabel source={n.source} compact />,
    },
    { id: 'instanceType', header: 'Instance type', accessorFn: (n) => n.instanceType ?? '' },
    { id: 'zone', header: 'Zone', accessorFn: (n) => n.zone ?? '' },
    { id: 'version', header: 'Version', accessorFn: (n) => n.version ?? '', meta: { className: 'font-mono text-xs' } },
    {
      id: 'cpu',
      header: 'CPU',
      meta: { headerTitle: 'Allocatable / capacity' },
      accessorFn: (n) => n.cpuAllocatable ?? 0,
      cell: ({ row: { original: n } }) => `${formatCpu(n.cpuAllocatable)} / ${formatCpu(n.cpuCapacity)}`,
    },
    {
      id: 'memory',
      header: 'Memory',
      meta: { headerTitle: 'Allocatable / capacity' },
      accessorFn: (n) => n.memoryAllocatable ?? 0,
      cell: ({ row: { original: n } }) => `${formatMemory(n.memoryAllocatable)} / ${formatMemory(n.memoryCapacity)}`,
    },
    podCountColumn((n) => resourcePaths.pods(cluster, `?node=${encodeURIComponent(n.name)}`)),
    ageColumn(),
  ]
}

/** The nodes list: status, source (node group, Auto Mode pool, Fargate), capacity, and Pod counts for rows on screen. */
export function NodesBrowser({ cluster, filters: urlFilters }: { cluster: ClusterRef; filters: NodeFilters }) {
  const browser = useResourceBrowser({
    cluster,
    filters: urlFilters,
    listQuery: nodeListQuery,
  })
  const { filters, setFilter } = browser
  const columns = useMemo(() => buildColumns(cluster), [cluster])

  return (
    <ResourceBrowser
      noun="nodes"
      filterGrid="sm:grid-cols-3"
      filterBar={
        <>
          <NameFilter id="node-search" noun="Node" value={filters.q} onCommit={setFilter('q')} />
          <StatusFilter
            id="node-status"
            statuses={nodeStatusFilters}
            value={filters.status}
            onChange={setFilter('status')}
          />
          <LabelFilter
            id="node-labels"
            example="eks.amazonaws.com/nodegroup=web"
            value={filters.labels}
            onCommit={setFilter('labels')}
          />
        </>
      }
      browser={browser}
      columns={columns}
      getRowId={nodeName}
      podCounts={{ cluster, by: 'nodes', nameOf: nodeName }}
    />
  )
}
