import type { Metadata } from 'next'

import { RequestAccessForm } from '@/components/time-bound/request-access-form'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Request access · ${cluster}` }
}

// Anyone signed in may ask (viewers included): the approval is where roles matter.
export default async function RequestAccessPage({ params }: { params: Params }) {
  const ref = pageClusterRef(await params)
  return (
    <section aria-labelledby="request-heading" className="space-y-4">
      <div>
        <h2 id="request-heading" className="text-lg font-semibold">
          Request access to {ref.name}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Ask for an access policy for an IAM principal, for a limited time. Someone else approves it.
        </p>
      </div>
      <RequestAccessForm cluster={ref} />
    </section>
  )
}
