import type { Metadata } from 'next'
import Link from 'next/link'

import { TimeBoundSettingsPanel } from '@/components/time-bound/time-bound-settings-form'
import { hasRole } from '@/lib/auth/console-role'
import { requireSession, sessionRole } from '@/lib/auth/server/session'
import { pageClusterRef } from '@/lib/clusters/server/page-params'
import { clusterPagePath } from '@/lib/queries/api-paths'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Time-bound settings · ${cluster}` }
}

// Everyone may read the settings (they say who decides requests); only admins get the form (the PUT needs admin).
export default async function TimeBoundSettingsPage({ params }: { params: Params }) {
  const ref = pageClusterRef(await params)
  const role = sessionRole(await requireSession(clusterPagePath(ref, 'requests/settings')))
  return (
    <div className="max-w-2xl space-y-4">
      <Link href={clusterPagePath(ref, 'requests')} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
        ← Requests of {ref.name}
      </Link>
      <TimeBoundSettingsPanel cluster={ref} canChange={hasRole(role, 'admin')} />
    </div>
  )
}
