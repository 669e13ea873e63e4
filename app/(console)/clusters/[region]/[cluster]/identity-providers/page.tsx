import type { Metadata } from 'next'

import { IdentityProvidersPage } from '@/components/identity-providers/identity-providers-page'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Identity providers · ${cluster}` }
}

export default async function ClusterIdentityProvidersPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  return <IdentityProvidersPage cluster={pageClusterRef({ region, cluster })} />
}
