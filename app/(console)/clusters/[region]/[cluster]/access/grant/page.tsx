import type { Metadata } from 'next'

import { GrantAccessForm } from '@/components/access-entries/grant-access-form'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Grant access · ${decodeURIComponent(cluster)}` }
}

export default async function GrantAccessPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  return <GrantAccessForm cluster={{ region: decodeURIComponent(region), name: decodeURIComponent(cluster) }} />
}
