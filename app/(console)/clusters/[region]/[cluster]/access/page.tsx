import type { Metadata } from 'next'

import { AccessPage } from '@/components/access-entries/access-page'
import { readPoliciesDialogPrefill } from '@/lib/access/grant-prefill'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Access · ${cluster}` }
}

export default async function ClusterAccessPage({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}) {
  const { region, cluster } = await params
  // `?dialog=policies&principalArn=…`: a fix link opens that entry's policies dialog, prefilled.
  const prefill = readPoliciesDialogPrefill(await searchParams)
  return <AccessPage cluster={pageClusterRef({ region, cluster })} policiesPrefill={prefill} />
}
