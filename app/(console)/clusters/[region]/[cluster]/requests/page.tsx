import type { Metadata } from 'next'
import Link from 'next/link'

import { RequestsList } from '@/components/time-bound/requests-list'
import { buttonClasses } from '@/components/ui/button'
import { pageClusterRef } from '@/lib/clusters/server/page-params'
import { clusterPagePath } from '@/lib/queries/api-paths'
import { accessRequestFilterSchema } from '@/lib/time-bound/access-request-schema'

type Params = Promise<{ region: string; cluster: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Requests · ${cluster}` }
}

export default async function ClusterRequestsPage({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}) {
  const ref = pageClusterRef(await params)
  const filter = accessRequestFilterSchema.parse((await searchParams).status)
  return (
    <section aria-labelledby="requests-heading" className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="requests-heading" className="text-lg font-semibold">
            Access requests
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Time-bound access asked for on {ref.name}; an approval grants it at once, and the console revokes it when it
            ends.
          </p>
        </div>
        <div className="flex gap-2">
          <Link className={buttonClasses()} href={clusterPagePath(ref, 'requests/settings')}>
            Time-bound settings
          </Link>
          <Link className={buttonClasses('primary')} href={clusterPagePath(ref, 'requests/new')}>
            Request access
          </Link>
        </div>
      </div>
      <RequestsList filter={filter} cluster={ref} basePath={clusterPagePath(ref, 'requests')} />
    </section>
  )
}
