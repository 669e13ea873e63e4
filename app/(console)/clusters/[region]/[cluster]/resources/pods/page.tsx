import type { Metadata } from 'next'
import { Suspense } from 'react'

import { PodsBrowser } from '@/components/resources/pods-browser'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Pods · ${cluster}` }
}

export default async function PodsPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  return (
    <section aria-labelledby="pods-heading" className="space-y-4">
      <h2 id="pods-heading" className="text-lg font-semibold">
        Pods
      </h2>
      <Suspense>
        <PodsBrowser cluster={pageClusterRef({ region, cluster })} />
      </Suspense>
    </section>
  )
}
