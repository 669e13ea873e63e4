import type { Metadata } from 'next'
import Link from 'next/link'

import { RequestDetail } from '@/components/time-bound/request-detail'
import { pageParams } from '@/lib/clusters/server/page-params'
import { clusterPagePath } from '@/lib/queries/api-paths'
import { accessRequestParamsSchema } from '@/lib/time-bound/access-request-schema'

type Params = Promise<{ region: string; cluster: string; requestId: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Access request · ${cluster}` }
}

export default async function AccessRequestPage({ params }: { params: Params }) {
  const { region, cluster, requestId } = pageParams(accessRequestParamsSchema, await params)
  const ref = { region, name: cluster }
  return (
    <div className="space-y-4">
      <Link href={clusterPagePath(ref, 'requests')} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
        ← All requests of {cluster}
      </Link>
      <RequestDetail cluster={ref} id={requestId} />
    </div>
  )
}
