import type { Metadata } from 'next'

import { KubeconfigBuilder } from '@/components/kubeconfig/kubeconfig-builder'
import { OidcKubeconfigPanel } from '@/components/kubeconfig/oidc-kubeconfig-panel'
import { pageClusterRef } from '@/lib/clusters/server/page-params'

type Params = Promise<{ region: string; cluster: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster } = await params
  return { title: `Kubeconfig · ${cluster}` }
}

export default async function KubeconfigPage({ params }: { params: Params }) {
  const { region, cluster } = await params
  const ref = pageClusterRef({ region, cluster })
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-lg font-semibold">Kubeconfig</h2>
        <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
          The file <code className="font-mono text-xs">aws eks update-kubeconfig</code> writes for {ref.name}, for
          kubectl and other Kubernetes clients. Choose a role if you reach the cluster through one.
        </p>
      </div>
      <KubeconfigBuilder cluster={ref} />
      <OidcKubeconfigPanel cluster={ref} />
    </div>
  )
}
