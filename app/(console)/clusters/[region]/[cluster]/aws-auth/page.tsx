import type { Metadata } from 'next'

import { AwsAuthPage } from '@/components/aws-auth/aws-auth-page'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `aws-auth · ${cluster}` }
}

export default async function ClusterAwsAuthPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  return <AwsAuthPage cluster={pageClusterRef({ region, cluster })} />
}
