import type { ReactNode } from 'react'

import { ResourceTabs } from '@/components/resources/resource-tabs'

type Params = Promise<{ region: string; cluster: string }>

export default async function ResourcesLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { region, cluster } = await params
  return (
    <div className="space-y-4">
      <ResourceTabs cluster={{ region: decodeURIComponent(region), name: decodeURIComponent(cluster) }} />
      {children}
    </div>
  )
}
