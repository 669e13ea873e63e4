import type { Metadata } from 'next'
import { Suspense } from 'react'

import { NamespacesBrowser } from '@/components/resources/namespaces-browser'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Namespaces · ${cluster}` }
}

export default async function NamespacesPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  return (
    <section aria-labelledby="namespaces-heading" className="space-y-4">
      <h2 id="namespaces-heading" className="text-lg font-semibold">
        Namespaces
      </h2>
      <Suspense>
        <NamespacesBrowser cluster={pageClusterRef({ region, cluster })} />
      </Suspense>
    </section>
  )
}
