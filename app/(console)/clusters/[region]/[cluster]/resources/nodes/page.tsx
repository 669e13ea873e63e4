import type { Metadata } from 'next'
import { Suspense } from 'react'

import { NodesBrowser } from '@/components/resources/nodes-browser'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Nodes · ${cluster}` }
}

export default async function NodesPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  return (
    <section aria-labelledby="nodes-heading" className="space-y-4">
      <h2 id="nodes-heading" className="text-lg font-semibold">
        Nodes
      </h2>
      <Suspense>
        <NodesBrowser cluster={pageClusterRef({ region, cluster })} />
      </Suspense>
    </section>
  )
}
