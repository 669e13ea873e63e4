'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useDeferredValue } from 'react'
import { useForm, useWatch } from 'react-hook-form'

import { Panel } from '@/components/ui/panel'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import {
  defaultKubeconfigOptions,
  kubeconfigOptionsSchema,
  type KubeconfigOptions,
} from '@/lib/kubeconfig/kubeconfig-options'
import { kubeconfigQuery, kubeconfigUrl } from '@/lib/queries/kubeconfig-queries'

import { KubeconfigOptionsForm } from './kubeconfig-options-form'
import { KubeconfigPreview } from './kubeconfig-preview'

/**
 * Options on the left, the file on the right, regenerated as you type (the server renders it from DescribeCluster, so
 * the preview is exactly what the download holds). Invalid options keep the last valid file and disable Download.
 */
export function KubeconfigBuilder({ cluster }: { cluster: ClusterRef }) {
  const form = useForm<KubeconfigOptions>({
    resolver: zodResolver(kubeconfigOptionsSchema),
    defaultValues: defaultKubeconfigOptions,
    mode: 'onChange',
  })
  const values = useWatch({ control: form.control })
  const parsed = kubeconfigOptionsSchema.safeParse({ ...defaultKubeconfigOptions, ...values })
  const options = useDeferredValue(parsed.success ? parsed.data : undefined)
  const { data, error, isPending, isPlaceholderData, refetch } = useQuery({
    ...kubeconfigQuery(cluster, options ?? defaultKubeconfigOptions),
    enabled: options !== undefined,
  })

  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <Panel as="h3" title="Options" className="lg:col-span-2 lg:self-start">
        <KubeconfigOptionsForm form={form} />
      </Panel>
      <div className="min-w-0 lg:col-span-3">
        {error ? (
          <QueryError error={error} what={`the kubeconfig of ${cluster.name}`} onRetry={() => void refetch()} />
        ) : isPending || !data ? (
          <div aria-busy="true" aria-label="Loading the kubeconfig" className="space-y-3">
            <Skeleton className="h-10 w-1/2" />
            <Skeleton className="h-80 w-full" />
          </div>
        ) : (
          <KubeconfigPreview
            kubeconfig={data}
            downloadUrl={parsed.success && !isPlaceholderData ? kubeconfigUrl(cluster, parsed.data, true) : undefined}
            stale={isPlaceholderData || !parsed.success}
            invalid={!parsed.success}
          />
        )}
      </div>
    </div>
  )
}
