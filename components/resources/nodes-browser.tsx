'use client'

import type { ColumnDef } from '@tanstack/react-table'
import Link from 'next/link'
import { useMemo } from 'react'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { nodeListQuery } from '@/lib/queries/resource-queries'
import { formatCpu, formatMemory } from '@/lib/resources/quantity'
import { nodePageSchema, type NodeRow } from '@/lib/resources/resource-dto'
import { nodeFiltersSchema, nodeStatusFilters } from '@/lib/resources/resource-filters'

import { LabelFilter, NameFilter, StatusFilter } from './filter-fields'
import { formatAge } from './format'
import { NodeSourceLabel, NodeStatusBadges } from './node-badges'
import { PodCountCell } from './pod-counts'
import { ResourceBrowser } from './resource-browser'
import { resourcePaths } from './resource-links'
import { useResourceBrowser } from './use-resource-browser'

const nodeName = (n: NodeRow) => n.name

function buildColumns(cluster: ClusterRef): ColumnDef<NodeRow>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      accessorKey: 'name',
      cell: ({ row: { original: n } }) => (
        <Link
          prefetch={false}
          href={resourcePaths.node(cluster, n.name)}
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
      cell: ({ row: { original: n } }) => <NodeStatusBadges node={n} />,
    },
    { id: 'roles', header: 'Roles', accessorFn: (n) => n.roles.join(',') || '—', enableSorting: false },
    {
      id: 'source',
      header: 'Source',
      accessorFn: (n) => `${n.source.kind}/${n.source.name ?? ''}`,
      cell: ({ row: { original: n } }) => <NodeSourceLabel source={n.source} />,
    },
    { id: 'instanceType', header: 'Instance type', accessorFn: (n) => n.instanceType ?? '' },
    { id: 'zone', header: 'Zone', accessorFn: (n) => n.zone ?? '' },
    { id: 'version', header: 'Version', accessorFn: (n) => n.version ?? '', meta: { className: 'font-mono text-xs' } },
    {
      id: 'cpu',
      header: 'CPU (alloc / cap)',
      accessorFn: (n) => n.cpuAllocatable ?? 0,
      cell: ({ row: { original: n } }) => `${formatCpu(n.cpuAllocatable)} / ${formatCpu(n.cpuCapacity)}`,
    },
    {
      id: 'memory',
      header: 'Memory (alloc / cap)',
      accessorFn: (n) => n.memoryAllocatable ?? 0,
      cell: ({ row: { original: n } }) => `${formatMemory(n.memoryAllocatable)} / ${formatMemory(n.memoryCapacity)}`,
    },
    {
      id: 'pods',
      header: 'Pods',
      enableSorting: false,
      cell: ({ row: { original: n } }) => (
        <PodCountCell name={n.name} href={resourcePaths.pods(cluster, `?node=${encodeURIComponent(n.name)}`)} />
      ),
    },
    {
      id: 'age',
      header: 'Age',
      accessorFn: (n) => (n.createdAt ? -Date.parse(n.createdAt) : 0),
      cell: ({ row: { original: n } }) => formatAge(n.createdAt),
    },
  ]
}

/** The nodes list: status, source (node group, Auto Mode pool, Fargate), capacity, and Pod counts for rows on screen. */
export function NodesBrowser({ cluster }: { cluster: ClusterRef }) {
  const browser = useResourceBrowser({
    cluster,
    kind: 'nodes',
    filtersSchema: nodeFiltersSchema,
    listQuery: nodeListQuery,
    pageSchema: nodePageSchema,
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
