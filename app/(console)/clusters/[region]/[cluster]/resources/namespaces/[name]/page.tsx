import type { Metadata } from 'next'

import { NamespaceDetailView } from '@/components/resources/namespace-detail-view'

type Params = Promise<{ region: string; cluster: string; name: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, cluster } = await params
  return { title: `Namespace ${decodeURIComponent(name)} · ${decodeURIComponent(cluster)}` }
}

export default async function NamespacePage({ params }: { params: Params }) {
  const { region, cluster, name } = await params
  const ref = { region: decodeURIComponent(region), name: decodeURIComponent(cluster) }
  return <NamespaceDetailView cluster={ref} name={decodeURIComponent(name)} />
}
