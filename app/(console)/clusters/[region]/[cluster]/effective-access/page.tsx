import type { Metadata } from 'next'
import { Suspense } from 'react'

import { EffectiveAccessPage } from '@/components/effective-access/effective-access-page'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Effective access · ${cluster}` }
}

export default async function ClusterEffectiveAccessPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  // The question lives in the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <EffectiveAccessPage cluster={pageClusterRef({ region, cluster })} />
    </Suspense>
  )
}
