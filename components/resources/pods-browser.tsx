'use client'

import { useCallback, useMemo } from 'react'

import { inputClasses } from '@/components/ui/form-field'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { podListQuery, resourceListUrl } from '@/lib/queries/resource-queries'
import { podPageSchema, type PodRow } from '@/lib/resources/resource-dto'
import { podFiltersSchema, podStatusFilters, type PodFilters } from '@/lib/resources/resource-filters'

import { DebouncedInput } from './debounced-input'
import { NamespacePicker } from './namespace-picker'
import { buildPodColumns } from './pod-columns'
import { ResourceListView } from './resource-list-view'
import { useResourceList } from './use-resource-list'
import { useUrlState } from './use-url-state'

const podId = (p: PodRow) => `${p.namespace}/${p.name}`

/** The Pods list: filters in the URL, pages from Kubernetes as the person scrolls, a virtualized table. */
export function PodsBrowser({ cluster }: { cluster: ClusterRef }) {
  const { filters, sorting, setFilters, setSorting } = useUrlState(podFiltersSchema)
  const columns = useMemo(() => buildPodColumns(cluster), [cluster])
  const pageUrl = useCallback(
    (cursor: string | null) => resourceListUrl(cluster, 'pods', filters, cursor),
    [cluster, filters],
  )
  const list = useResourceList<PodRow>(podListQuery(cluster, filters), pageUrl, podPageSchema)
  const set =
    <K extends keyof PodFilters>(key: K) =>
    (value: PodFilters[K]) =>
      setFilters({ ...filters, [key]: value })
  const filtered = Boolean(filters.ns.length || filters.q || filters.status || filters.node || filters.labels)

  return (
    <div className="space-y-4">
      <div role="search" aria-label="Filter pods" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <NamespacePicker cluster={cluster} selected={filters.ns} onChange={set('ns')} />
        <div>
          <label htmlFor="pod-search" className="sr-only">
            Pod name contains
          </label>
          <DebouncedInput
            id="pod-search"
            type="search"
            placeholder="Name contains…"
            value={filters.q}
            onCommit={set('q')}
          />
        </div>
        <div>
          <label htmlFor="pod-status" className="sr-only">
            Status
          </label>
          <select
            id="pod-status"
            className={inputClasses()}
            value={filters.status ?? ''}
            onChange={(e) => set('status')((e.target.value || undefined) as PodFilters['status'])}
          >
            <option value="">Any status</option>
            {podStatusFilters.map((s) => (
              <option key={s} value={s}>
                {s === 'Failed' ? 'Failed (any reason)' : s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="pod-node" className="sr-only">
            Node
          </label>
          <DebouncedInput id="pod-node" placeholder="Node name" value={filters.node} onCommit={set('node')} />
        </div>
        <div>
          <label htmlFor="pod-labels" className="sr-only">
            Label selector
          </label>
          <DebouncedInput
            id="pod-labels"
            placeholder="Labels, e.g. app=web,tier!=db"
            value={filters.labels}
            onCommit={set('labels')}
            className="font-mono"
          />
        </div>
      </div>
      <ResourceListView
        noun="pods"
        list={list}
        columns={columns}
        getRowId={podId}
        sorting={sorting}
        onSortingChange={setSorting}
        filtered={filtered}
      />
    </div>
  )
}
