import type { Metadata } from 'next'

import { RoleDetailView } from '@/components/rbac/role-detail-view'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { pageParams, pageTitleParams } from '@/lib/clusters/server/page-params'
import { clusterRoleParamsSchema } from '@/lib/rbac/rbac-binding-schema'

type Params = Promise<{ region: string; cluster: string; name: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, cluster } = pageTitleParams(await params)
  return { title: `ClusterRole ${name} · ${cluster}` }
}

export default async function ClusterRolePage({ params }: { params: Params }) {
  const { region, cluster, name } = pageParams(clusterParamsSchema.extend(clusterRoleParamsSchema.shape), await params)
  return <RoleDetailView cluster={{ region, name: cluster }} kind="ClusterRole" name={name} />
}
