import type { Metadata } from 'next'

import { GrantAccessForm } from '@/components/access-entries/grant-access-form'
import { pageClusterRef } from '@/lib/clusters/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Grant access · ${cluster}` }
}

export default async function GrantAccessPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  return <GrantAccessForm cluster={pageClusterRef({ region, cluster })} />
}
