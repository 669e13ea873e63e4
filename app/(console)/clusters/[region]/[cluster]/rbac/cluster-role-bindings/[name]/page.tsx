import type { Metadata } from 'next'

import { BindingDetailView } from '@/components/rbac/binding-detail-view'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { pageParams, pageTitleParams } from '@/lib/clusters/server/page-params'
import { clusterBindingParamsSchema } from '@/lib/rbac/rbac-binding-schema'

type Params = Promise<{ region: string; cluster: string; name: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, cluster } = pageTitleParams(await params)
  return { title: `ClusterRoleBinding ${name} · ${cluster}` }
}

export default async function ClusterRoleBindingPage({ params }: { params: Params }) {
  const { region, cluster, name } = pageParams(
    clusterParamsSchema.extend(clusterBindingParamsSchema.shape),
    await params,
  )
  return <BindingDetailView cluster={{ region, name: cluster }} kind="ClusterRoleBinding" name={name} />
}
