import type { Metadata } from 'next'
import { Suspense } from 'react'

import { ServiceAccountPage } from '@/components/workload-identity/service-account-page'
import { pageParams, pageTitleParams } from '@/lib/clusters/server/page-params'
import { serviceAccountPageParamsSchema } from '@/lib/workload-identity/workload-identity-schemas'

type Params = Promise<{ region: string; cluster: string; namespace: string; name: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { namespace, name } = pageTitleParams(await params)
  return { title: `Service account ${namespace}/${name}` }
}

export default async function ServiceAccountDetailPage({ params }: { params: Params }) {
  const { region, cluster, namespace, name } = pageParams(serviceAccountPageParamsSchema, await params)
  return (
    <Suspense>
      <ServiceAccountPage cluster={{ region, name: cluster }} namespace={namespace} name={name} />
    </Suspense>
  )
}
