import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'

import { ClusterNav } from '@/components/layout/cluster-nav'
import { IntentPrefetchLink } from '@/components/ui/intent-prefetch-link'
import { clusterExists } from '@/lib/aws/eks-clusters'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Params }) {
  // Checked here, before anything streams, so a link to a cluster that does not exist answers 404 (not-found.tsx one
  // segment up), not a 200 page that says so.
  const { region: regionCode, name } = pageClusterRef(await params)
  if (!(await clusterExists(regionCode, name))) notFound()
  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
          <IntentPrefetchLink href="/clusters" className="hover:underline">
            Clusters
          </IntentPrefetchLink>
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
