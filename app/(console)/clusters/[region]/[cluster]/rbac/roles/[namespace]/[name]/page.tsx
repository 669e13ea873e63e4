import type { Metadata } from 'next'

import { RoleDetailView } from '@/components/rbac/role-detail-view'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { pageParams, pageTitleParams } from '@/lib/clusters/server/page-params'
import { roleParamsSchema } from '@/lib/rbac/rbac-binding-schema'

type Params = Promise<{ region: string; cluster: string; namespace: string; name: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, cluster } = pageTitleParams(await params)
  return { title: `Role ${name} · ${cluster}` }
}

export default async function RolePage({ params }: { params: Params }) {
  const { region, cluster, namespace, name } = pageParams(
    clusterParamsSchema.extend(roleParamsSchema.shape),
    await params,
  )
  return <RoleDetailView cluster={{ region, name: cluster }} kind="Role" namespace={namespace} name={name} />
}
