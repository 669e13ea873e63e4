import type { Metadata } from 'next'
import { Suspense } from 'react'

import { ServiceAccountPage } from '@/components/workload-identity/service-account-page'

type Params = Promise<{ region: string; cluster: string; namespace: string; name: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { namespace, name } = await params
  return { title: `Service account ${decodeURIComponent(namespace)}/${decodeURIComponent(name)}` }
}

export default async function ServiceAccountDetailPage({ params }: { params: Params }) {
  const { region, cluster, namespace, name } = await params
  return (
    <Suspense>
      <ServiceAccountPage
        cluster={{ region: decodeURIComponent(region), name: decodeURIComponent(cluster) }}
        namespace={decodeURIComponent(namespace)}
        name={decodeURIComponent(name)}
      />
    </Suspense>
  )
}
