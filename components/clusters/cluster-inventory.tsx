'use client'

import { useQuery } from '@tanstack/react-query'
import { Server } from 'lucide-react'

import { Alert } from '@/components/ui/alert'
import { QueryError } from '@/components/ui/query-error'
import { clusterInventoryQuery } from '@/lib/queries/cluster-queries'

import { InventorySkeleton } from './inventory-skeleton'
import { InventoryTable } from './inventory-table'

/** The cluster inventory across regions: table, per-region error banners, empty state. */
export function ClusterInventory() {
  const { data, error, isPending, refetch, isFetching } = useQuery(clusterInventoryQuery())
  if (isPending) return <InventorySkeleton />
  if (error) return <QueryError error={error} what="the clusters" onRetry={() => void refetch()} />

  const failed = data.regions.filter((region) => !region.ok)
  const someRegionAnswered = failed.length < data.regions.length
  const regionNames = data.regions.map((region) => region.region).join(', ')
  return (
    <div className="space-y-4" aria-busy={isFetching}>
      {failed.map((region) => (
        <Alert key={region.region} variant="warning" title={`Could not list clusters in ${region.region}`}>
          {region.error?.message}
          {someRegionAnswered ? ' The clusters of the other regions are shown below.' : ''}
        </Alert>
      ))}
      {data.clusters.length > 0 ? (
        <InventoryTable clusters={data.clusters} />
      ) : someRegionAnswered ? (
        <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center dark:border-zinc-700 dark:bg-zinc-900">
          <Server aria-hidden="true" className="mx-auto size-8 text-zinc-400" />
          <h2 className="mt-3 text-base font-semibold">No clusters in {regionNames}</h2>
          <p className="mx-auto mt-1 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
            The console looks for EKS clusters in the regions listed in <code>CONSOLE_REGIONS</code> (a comma-separated
            list, for example <code>us-west-2,eu-west-1</code>; it defaults to <code>AWS_REGION</code>). Add the regions
            your clusters run in and restart the console.
          </p>
        </div>
      ) : null}
      {data.clusters.length > 0 ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {data.clusters.length} {data.clusters.length === 1 ? 'cluster' : 'clusters'} in {regionNames}
        </p>
      ) : null}
    </div>
  )
}
