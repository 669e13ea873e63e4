import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ClusterOverview } from '@/components/clusters/cluster-overview'
import { isConsoleError } from '@/lib/api/console-error'
import { describeClusterOverview } from '@/lib/clusters/server/cluster-overview'
import { pageClusterRef } from '@/lib/clusters/server/page-params'
import { clusterKeys } from '@/lib/queries/cluster-queries'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: cluster }
}

export default async function ClusterOverviewPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  const ref = pageClusterRef({ region, cluster })
  const queryClient = new QueryClient()
  try {
    queryClient.setQueryData(clusterKeys.overview(ref), await describeClusterOverview(ref.region, ref.name))
  } catch (error) {
    if (isConsoleError(error) && error.code === 'not_found') notFound()
    // Anything else: let the client query fetch it and show the API's message with a Retry.
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <h2 className="sr-only">Overview</h2>
      <ClusterOverview cluster={ref} />
    </HydrationBoundary>
  )
}
