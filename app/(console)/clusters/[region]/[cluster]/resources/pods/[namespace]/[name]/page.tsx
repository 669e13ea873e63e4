import type { Metadata } from 'next'

import { PodDetailView } from '@/components/resources/pod-detail-view'

type Params = Promise<{ region: string; cluster: string; namespace: string; name: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, cluster } = await params
  return { title: `Pod ${decodeURIComponent(name)} · ${decodeURIComponent(cluster)}` }
}

export default async function PodPage({ params }: { params: Params }) {
  const { region, cluster, namespace, name } = await params
  const ref = { region: decodeURIComponent(region), name: decodeURIComponent(cluster) }
  return <PodDetailView cluster={ref} namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />
}
