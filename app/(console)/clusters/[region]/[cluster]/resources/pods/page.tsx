import type { Metadata } from 'next'
import { Suspense } from 'react'

import { PodsBrowser } from '@/components/resources/pods-browser'
import { pageClusterRef } from '@/lib/clusters/server/page-params'
import { filtersFromSearchParams, podFiltersSchema } from '@/lib/resources/resource-filters'

type Params = Promise<{ region: string; cluster: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Pods · ${cluster}` }
}

export default async function PodsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { region, cluster } = await params
  // Parsed here, with the route's schema, so the browser component carries no zod (docs/client-bundle.md).
  const filters = filtersFromSearchParams(podFiltersSchema, await searchParams)
  return (
    <section aria-labelledby="pods-heading" className="space-y-4">
      <h2 id="pods-heading" className="text-lg font-semibold">
        Pods
      </h2>
      <Suspense>
        <PodsBrowser cluster={pageClusterRef({ region, cluster })} filters={filters} />
      </Suspense>
    </section>
  )
}
