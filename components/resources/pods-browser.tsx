'use client'

import { useMemo } from 'react'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { podListQuery } from '@/lib/queries/resource-queries'
import type { PodRow } from '@/lib/resources/resource-dto'
import { podStatusFilters } from '@/lib/resources/resource-filter-query'
import type { PodFilters } from '@/lib/resources/resource-filters'

import { NamespacePicker } from './namespace-picker'
import { buildPodColumns } from './pod-columns'
import { ResourceBrowser } from './resource-browser'
import { FilterInput, LabelFilter, NameFilter, StatusFilter } from './resource-filters'
import { useResourceBrowser } from './use-resource-browser'

const podId = (p: PodRow) => `${p.namespace}/${p.name}`

/** The Pods list: filters in the URL, pages from Kubernetes as the person scrolls, a virtualized table. */
export function PodsBrowser({ cluster, filters: urlFilters }: { cluster: ClusterRef; filters: PodFilters }) {
  const browser = useResourceBrowser({
    cluster,
    filters: urlFilters,
    listQuery: podListQuery,
  })
  const { filters, setFilter } = browser
  const columns = useMemo(() => buildPodColumns(cluster), [cluster])

  return (
    <ResourceBrowser
      noun="pods"
      filterGrid="sm:grid-cols-2 lg:grid-cols-5"
      filterBar={
        <>
          <NamespacePicker cluster={cluster} selected={filters.ns} onChange={setFilter('ns')} />
          <NameFilter id="pod-search" noun="Pod" value={filters.q} onCommit={setFilter('q')} />
          <StatusFilter
            id="pod-status"
            statuses={podStatusFilters}
            value={filters.status}
            onChange={setFilter('status')}
            optionLabel={(s) => (s === 'Failed' ? 'Failed (any reason)' : s)}
          />
          <FilterInput
            id="pod-node"
            label="Node"
            placeholder="Node, e.g. ip-10-0-32-7"
            value={filters.node}
            onCommit={setFilter('node')}
          />
          <LabelFilter
            id="pod-labels"
            example="app=web,tier!=db"
            value={filters.labels}
            onCommit={setFilter('labels')}
          />
        </>
      }
      browser={browser}
      columns={columns}
      getRowId={podId}
    />
  )
}
