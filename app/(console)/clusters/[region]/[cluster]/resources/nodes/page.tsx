import type { Metadata } from 'next'
import { Suspense } from 'react'

import { NodesBrowser } from '@/components/resources/nodes-browser'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Nodes · ${decodeURIComponent(cluster)}` }
}

export default async function NodesPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  return (
    <section aria-labelledby="nodes-heading" className="space-y-4">
      <h2 id="nodes-heading" className="text-lg font-semibold">
        Nodes
      </h2>
      <Suspense>
        <NodesBrowser cluster={{ region: decodeURIComponent(region), name: decodeURIComponent(cluster) }} />
      </Suspense>
    </section>
  )
}
