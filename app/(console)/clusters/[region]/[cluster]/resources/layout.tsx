import type { ReactNode } from 'react'

import { ResourceTabs } from '@/components/resources/resource-tabs'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export default async function ResourcesLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { region, cluster } = await params
  return (
    <div className="space-y-4">
      <ResourceTabs cluster={pageClusterRef({ region, cluster })} />
      {children}
    </div>
  )
}
