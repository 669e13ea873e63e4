import type { Metadata } from 'next'

import { GrantAccessForm } from '@/components/access-entries/grant-access-form'
import { ReadOnlyNotice } from '@/components/layout/read-only-notice'
import { readGrantPrefill } from '@/lib/access/grant-prefill'
import { hasRole } from '@/lib/auth/console-role'
import { requireSession, sessionRole } from '@/lib/auth/server/session'
import { pageClusterRef } from '@/lib/clusters/server/page-params'
import { clusterPagePath } from '@/lib/queries/api-paths'

type Params = Promise<{ region: string; cluster: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Grant access · ${cluster}` }
}

export default async function GrantAccessPage({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}) {
  const { region, cluster } = await params
  const ref = pageClusterRef({ region, cluster })
  // A viewer who follows a link here gets the explanation, not a form the POST route would refuse.
  const role = sessionRole(await requireSession(clusterPagePath(ref, 'access/grant')))
  if (!hasRole(role, 'editor')) {
    return (
      <ReadOnlyNotice
        heading={`Grant access to ${ref.name}`}
        what={`Granting access to ${ref.name}`}
        required="editor"
        role={role}
        back={{ href: clusterPagePath(ref, 'access'), label: 'Back to access entries' }}
      />
    )
  }
  return <GrantAccessForm cluster={ref} initial={readGrantPrefill(await searchParams)} />
}
