import type { Metadata } from 'next'

import { NodeDetailView } from '@/components/resources/node-detail-view'

type Params = Promise<{ region: string; cluster: string; name: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, cluster } = await params
  return { title: `Node ${decodeURIComponent(name)} · ${decodeURIComponent(cluster)}` }
}

export default async function NodePage({ params }: { params: Params }) {
  const { region, cluster, name } = await params
  const ref = { region: decodeURIComponent(region), name: decodeURIComponent(cluster) }
  return <NodeDetailView cluster={ref} name={decodeURIComponent(name)} />
}
