import type { Metadata } from 'next'
import { Suspense } from 'react'

import { NamespacesBrowser } from '@/components/resources/namespaces-browser'
import { pageClusterRef } from '@/lib/clusters/server/page-params'
import { filtersFromSearchParams, namespaceFiltersSchema } from '@/lib/resources/resource-filters'

type Params = Promise<{ region: string; cluster: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Namespaces · ${cluster}` }
}

export default async function NamespacesPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { region, cluster } = await params
  // Parsed here, with the route's schema, so the browser component carries no zod (docs/client-bundle.md).
  const filters = filtersFromSearchParams(namespaceFiltersSchema, await searchParams)
  return (
    <section aria-labelledby="namespaces-heading" className="space-y-4">
      <h2 id="namespaces-heading" className="text-lg font-semibold">
        Namespaces
      </h2>
      <Suspense>
        <NamespacesBrowser cluster={pageClusterRef({ region, cluster })} filters={filters} />
      </Suspense>
    </section>
  )
}
