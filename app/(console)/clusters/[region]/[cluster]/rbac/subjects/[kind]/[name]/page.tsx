import type { Metadata } from 'next'

import { SubjectDetailView } from '@/components/rbac/subject-detail-view'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { pageParams, pageTitleParams } from '@/lib/clusters/server/page-params'
import { subjectParamsSchema } from '@/lib/rbac/rbac-binding-schema'

type Params = Promise<{ region: string; cluster: string; kind: string; name: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { kind, name, cluster } = pageTitleParams(await params)
  return { title: `${kind} ${name} · ${cluster}` }
}

export default async function SubjectPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const raw = await params
  const { region, cluster } = pageParams(clusterParamsSchema, raw)
  const query = await searchParams
  const namespace = typeof query.namespace === 'string' && query.namespace ? query.namespace : undefined
  const subject = pageParams(subjectParamsSchema, { kind: raw.kind, name: raw.name }, { namespace })
  return <SubjectDetailView cluster={{ region, name: cluster }} {...subject} />
}
