import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query'
import type { Metadata } from 'next'

import { ClusterInventory } from '@/components/clusters/cluster-inventory'
import { listClustersAcrossRegions } from '@/lib/aws/eks-clusters'
import { clusterKeys } from '@/lib/queries/cluster-queries'

export const metadata: Metadata = { title: 'Clusters' }

export default async function ClustersPage() {
  // Seed the client cache with the same service the API route calls; region failures travel inside the data.
  const queryClient = new QueryClient()
  queryClient.setQueryData(clusterKeys.inventory(), await listClustersAcrossRegions())
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Clusters</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Amazon EKS clusters in the configured regions, with how each one decides who gets in.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ClusterInventory />
      </HydrationBoundary>
    </div>
  )
}
