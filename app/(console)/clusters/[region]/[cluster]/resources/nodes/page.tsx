import type { Metadata } from 'next'
import { Suspense } from 'react'

import { NodesBrowser } from '@/components/resources/nodes-browser'
import { pageClusterRef } from '@/lib/clusters/server/page-params'
import { filtersFromSearchParams, nodeFiltersSchema } from '@/lib/resources/resource-filters'

type Params = Promise<{ region: string; cluster: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Nodes · ${cluster}` }
}

export default async function NodesPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { region, cluster } = await params
  // Parsed here, with the route's schema, so the browser component carries no zod (docs/client-bundle.md).
  const filters = filtersFromSearchParams(nodeFiltersSchema, await searchParams)
  return (
    <section aria-labelledby="nodes-heading" className="space-y-4">
      <h2 id="nodes-heading" className="text-lg font-semibold">
        Nodes
      </h2>
      <Suspense>
        <NodesBrowser cluster={pageClusterRef({ region, cluster })} filters={filters} />
      </Suspense>
    </section>
  )
}
