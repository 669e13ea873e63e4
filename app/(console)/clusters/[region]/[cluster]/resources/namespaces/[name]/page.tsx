import type { Metadata } from 'next'

import { NamespaceDetailView } from '@/components/resources/namespace-detail-view'
import { pageParams, pageTitleParams } from '@/lib/clusters/server/page-params'
import { namedParamsSchema } from '@/lib/resources/resource-params'

type Params = Promise<{ region: string; cluster: string; name: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, cluster } = pageTitleParams(await params)
  return { title: `Namespace ${name} · ${cluster}` }
}

export default async function NamespacePage({ params }: { params: Params }) {
  const { region, cluster, name } = pageParams(namedParamsSchema, await params)
  const ref = { region, name: cluster }
  return <NamespaceDetailView cluster={ref} name={name} />
}
