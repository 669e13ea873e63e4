'use client'

import { useQuery } from '@tanstack/react-query'

import { QueryError } from '@/components/ui/query-error'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { clusterOverviewQuery } from '@/lib/queries/cluster-queries'

import { AddonsPanel } from './addons-panel'
import { ComputePanel } from './compute-panel'
import { ConsoleIdentityPanel } from './console-identity-panel'
import { IdentityPanel } from './identity-panel'
import { OverviewSkeleton } from './overview-skeleton'
import { TagsPanel } from './tags-panel'

/** The overview of one cluster: connection and identity, compute, add-ons, tags. */
export function ClusterOverview({ cluster }: { cluster: ClusterRef }) {
  const { data, error, isPending, refetch } = useQuery(clusterOverviewQuery(cluster))
  if (isPending) return <OverviewSkeleton />
  if (error) return <QueryError error={error} what={`cluster ${cluster.name}`} onRetry={() => void refetch()} />
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <IdentityPanel overview={data} />
        <ConsoleIdentityPanel cluster={cluster} />
        <ComputePanel overview={data} />
        <AddonsPanel overview={data} />
      </div>
      <div className="space-y-6">
        <TagsPanel tags={data.tags} />
      </div>
    </div>
  )
}
