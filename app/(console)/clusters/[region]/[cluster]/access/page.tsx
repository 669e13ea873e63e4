import type { Metadata } from 'next'

import { AccessPage } from '@/components/access-entries/access-page'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Access · ${cluster}` }
}

export default async function ClusterAccessPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  return <AccessPage cluster={pageClusterRef({ region, cluster })} />
}
