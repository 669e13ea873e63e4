import type { Metadata } from 'next'
import { Suspense } from 'react'

import { RbacPage } from '@/components/rbac/rbac-page'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `RBAC · ${cluster}` }
}

export default async function ClusterRbacPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  // The tab and filters live in the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <RbacPage cluster={pageClusterRef({ region, cluster })} />
    </Suspense>
  )
}
