import type { Metadata } from 'next'
import { Suspense } from 'react'

import { AuditLog } from '@/components/audit/audit-log'
import { AuditLogSkeleton } from '@/components/audit/audit-log-skeleton'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `History · ${cluster}` }
}

export default async function ClusterHistoryPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  return (
    <section aria-labelledby="history-heading" className="space-y-4">
      <div>
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Changes made to this cluster through the console, newest first.
        </p>
      </div>
      <Suspense fallback={<AuditLogSkeleton />}>
        <AuditLog cluster={pageClusterRef({ region, cluster })} />
      </Suspense>
    </section>
  )
}
