import type { Metadata } from 'next'

import { BindingDetailView } from '@/components/rbac/binding-detail-view'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { pageParams, pageTitleParams } from '@/lib/clusters/server/page-params'
import { roleBindingParamsSchema } from '@/lib/rbac/rbac-binding-schema'

type Params = Promise<{ region: string; cluster: string; namespace: string; name: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, cluster } = pageTitleParams(await params)
  return { title: `RoleBinding ${name} · ${cluster}` }
}

export default async function RoleBindingPage({ params }: { params: Params }) {
  const { region, cluster, namespace, name } = pageParams(
    clusterParamsSchema.extend(roleBindingParamsSchema.shape),
    await params,
  )
  return <BindingDetailView cluster={{ region, name: cluster }} kind="RoleBinding" namespace={namespace} name={name} />
}
