'use client'

import type { ColumnDef, SortingState } from '@tanstack/react-table'
import type { ComponentProps, ReactNode } from 'react'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { PodCountsContext, useVisiblePodCounts } from './pod-counts'
import { ResourceListView } from './resource-list-view'
import type { useResourceList } from './use-resource-list'
import { useVisibleWindow } from './use-visible-window'

/** What the shell needs of `useResourceBrowser`. */
type Browser<Row> = {
  list: ReturnType<typeof useResourceList<Row>>
  sorting: SortingState
  setSorting: (next: SortingState) => void
  filtered: boolean
}

/** Which rows get Pod counts: namespaces or nodes, looked up by row name. */
type PodCountsOf<Row> = { cluster: ClusterRef; by: 'namespaces' | 'nodes'; nameOf: (row: Row) => string }

/**
 * The page of a resource browser: its filter bar (the fields are the browser's own) over the list body, with Pod
 * counts for the rows on screen when `podCounts` says how to name them.
 */
export function ResourceBrowser<Row>({
  noun,
  filterGrid,
  filterBar,
  browser,
  columns,
  getRowId,
  podCounts,
}: {
  noun: string
  /** The filter bar's grid columns, e.g. `sm:grid-cols-2`. */
  filterGrid: string
  filterBar: ReactNode
  browser: Browser<Row>
  columns: ColumnDef<Row>[]
  getRowId: (row: Row) => string
  podCounts?: PodCountsOf<Row>
}) {
  const view = {
    noun,
    list: browser.list,
    columns,
    getRowId,
    sorting: browser.sorting,
    onSortingChange: browser.setSorting,
    filtered: browser.filtered,
  }
  return (
    <div className="space-y-4">
      <div role="search" aria-label={`Filter ${noun}`} className={`grid gap-3 ${filterGrid}`}>
        {filterBar}
      </div>
      {podCounts ? <ListWithPodCounts {...view} podCounts={podCounts} /> : <ResourceListView {...view} />}
    </div>
  )
}

/** Fetches Pod counts for the rows around the visible window (one `limit=1` list each) and provides them to cells. */
function ListWithPodCounts<Row>({
  podCounts: { cluster, by, nameOf },
  ...view
}: ComponentProps<typeof ResourceListView<Row>> & { podCounts: PodCountsOf<Row> }) {
  const { list, names } = useVisibleWindow(view.list, nameOf, view.sorting.length > 0)
  const counts = useVisiblePodCounts(cluster, by, names)
  return (
    <PodCountsContext.Provider value={counts}>
      <ResourceListView {...view} list={list} />
    </PodCountsContext.Provider>
  )
}
