import type { Metadata } from 'next'
import { Suspense } from 'react'

import { WorkloadIdentityPage } from '@/components/workload-identity/workload-identity-page'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Workload identity · ${cluster}` }
}

export default async function ClusterWorkloadIdentityPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  // The filters live in the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <WorkloadIdentityPage cluster={pageClusterRef({ region, cluster })} />
    </Suspense>
  )
}
