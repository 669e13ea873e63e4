'use client'

import type { ColumnDef } from '@tanstack/react-table'
import Link from 'next/link'
import { useCallback, useMemo } from 'react'

import { inputClasses } from '@/components/ui/form-field'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { nodeListQuery, resourceListUrl } from '@/lib/queries/resource-queries'
import { formatCpu, formatMemory } from '@/lib/resources/quantity'
import { nodePageSchema, type NodeRow } from '@/lib/resources/resource-dto'
import { nodeFiltersSchema, nodeStatusFilters, type NodeFilters } from '@/lib/resources/resource-filters'

import { DebouncedInput } from './debounced-input'
import { formatAge } from './format'
import { NodeSourceLabel, NodeStatusBadges } from './node-badges'
import { PodCountCell, PodCountsContext, useVisiblePodCounts } from './pod-counts'
import { ResourceListView } from './resource-list-view'
import { resourcePaths } from './resource-links'
import { useResourceList } from './use-resource-list'
import { useUrlState } from './use-url-state'
import { useVisibleWindow } from './use-visible-window'

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
  const { filters, sorting, setFilters, setSorting } = useUrlState(nodeFiltersSchema)
  const columns = useMemo(() => buildColumns(cluster), [cluster])
  const pageUrl = useCallback(
    (cursor: string | null) => resourceListUrl(cluster, 'nodes', filters, cursor),
    [cluster, filters],
  )
  const list = useResourceList<NodeRow>(nodeListQuery(cluster, filters), pageUrl, nodePageSchema)
  const { list: trackedList, names } = useVisibleWindow(list, nodeName, sorting.length > 0)
  const counts = useVisiblePodCounts(cluster, 'nodes', names)
  const set =
    <K extends keyof NodeFilters>(key: K) =>
    (value: NodeFilters[K]) =>
      setFilters({ ...filters, [key]: value })

  return (
    <div className="space-y-4">
      <div role="search" aria-label="Filter nodes" className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor="node-search" className="sr-only">
            Node name contains
          </label>
          <DebouncedInput
            id="node-search"
            type="search"
            placeholder="Name contains…"
            value={filters.q}
            onCommit={set('q')}
          />
        </div>
        <div>
          <label htmlFor="node-status" className="sr-only">
            Status
          </label>
          <select
            id="node-status"
            className={inputClasses()}
            value={filters.status ?? ''}
            onChange={(e) => set('status')((e.target.value || undefined) as NodeFilters['status'])}
          >
            <option value="">Any status</option>
            {nodeStatusFilters.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="node-labels" className="sr-only">
            Label selector
          </label>
          <DebouncedInput
            id="node-labels"
            placeholder="Labels, e.g. eks.amazonaws.com/nodegroup=web"
            value={filters.labels}
            onCommit={set('labels')}
            className="font-mono"
          />
        </div>
      </div>
      <PodCountsContext.Provider value={counts}>
        <ResourceListView
          noun="nodes"
          list={trackedList}
          columns={columns}
          getRowId={nodeName}
          sorting={sorting}
          onSortingChange={setSorting}
          filtered={Boolean(filters.q || filters.status || filters.labels)}
        />
      </PodCountsContext.Provider>
    </div>
  )
}
