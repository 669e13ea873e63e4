import type { Metadata } from 'next'
import { Suspense } from 'react'

import { AccessPage, AccessPageSkeleton } from '@/components/access-entries/access-page'
import { readPoliciesDialogPrefill } from '@/lib/access/grant-prefill'
import { readAccessEntriesFirstScreen } from '@/lib/access/server/access-entries-first-screen'
import { getConsoleSession } from '@/lib/auth/server/session'
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
  const ref = pageClusterRef({ region, cluster })
  // The first screen of entries is rendered here and streamed into the HTML when it is ready; the browser's own
  // stream brings the rest (docs/access-entries.md#first-screen).
  // Only for a signed-in person: Next renders this page beside the layout that redirects a signed-out visitor, and an
  // anonymous request must not set off a thousand EKS calls.
  const firstScreen = (await getConsoleSession()) ? readAccessEntriesFirstScreen(ref.region, ref.name) : undefined
  return (
    <Suspense fallback={<AccessPageSkeleton />}>
      <AccessPage cluster={ref} policiesPrefill={prefill} firstScreen={firstScreen} />
    </Suspense>
  )
}
