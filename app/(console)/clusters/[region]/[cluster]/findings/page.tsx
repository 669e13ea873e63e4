import type { Metadata } from 'next'
import { Suspense } from 'react'

import { FindingsPage } from '@/components/findings/findings-page'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Findings · ${cluster}` }
}

export default async function ClusterFindingsPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  // The filters live in the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <FindingsPage cluster={pageClusterRef({ region, cluster })} />
    </Suspense>
  )
}
