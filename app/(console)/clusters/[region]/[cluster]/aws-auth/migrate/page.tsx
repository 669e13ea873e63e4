import type { Metadata } from 'next'

import { MigrationPage } from '@/components/aws-auth/migration-page'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Migrate aws-auth · ${cluster}` }
}

export default async function ClusterAwsAuthMigratePage({ params }: { params: Params }) {
  const { region, cluster } = await params
  return <MigrationPage cluster={pageClusterRef({ region, cluster })} />
}
