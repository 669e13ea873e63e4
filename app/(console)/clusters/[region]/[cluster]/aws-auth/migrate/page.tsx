import type { Metadata } from 'next'

import { MigrationPage } from '@/components/aws-auth/migration-page'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Migrate aws-auth · ${decodeURIComponent(cluster)}` }
}

export default async function ClusterAwsAuthMigratePage({ params }: { params: Params }) {
  const { region, cluster } = await params
  return <MigrationPage cluster={{ region: decodeURIComponent(region), name: decodeURIComponent(cluster) }} />
}
