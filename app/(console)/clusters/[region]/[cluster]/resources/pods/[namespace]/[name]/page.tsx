import type { Metadata } from 'next'

import { PodDetailView } from '@/components/resources/pod-detail-view'
import { pageParams, pageTitleParams } from '@/lib/clusters/server/page-params'
import { podParamsSchema } from '@/lib/resources/resource-params'

type Params = Promise<{ region: string; cluster: string; namespace: string; name: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, cluster } = pageTitleParams(await params)
  return { title: `Pod ${name} · ${cluster}` }
}

export default async function PodPage({ params }: { params: Params }) {
  const { region, cluster, namespace, name } = pageParams(podParamsSchema, await params)
  const ref = { region, name: cluster }
  return <PodDetailView cluster={ref} namespace={namespace} name={name} />
}
