import Link from 'next/link'
import type { ReactNode } from 'react'

import { ClusterNav } from '@/components/layout/cluster-nav'

type Params = Promise<{ region: string; cluster: string }>

export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { region, cluster } = await params
  const name = decodeURIComponent(cluster)
  const regionCode = decodeURIComponent(region)
  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href="/clusters" className="hover:underline">
            Clusters
          </Link>
          <span aria-hidden="true"> / </span>
          <span>{regionCode}</span>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
        <ClusterNav cluster={{ region: regionCode, name }} />
      </div>
      {children}
    </div>
  )
}
