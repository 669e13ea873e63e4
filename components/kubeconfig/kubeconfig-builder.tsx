'use client'

import { useQuery } from '@tanstack/react-query'
import { useDeferredValue } from 'react'
import { useForm, useWatch } from 'react-hook-form'

import { Panel } from '@/components/ui/panel'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { useLazySchema } from '@/components/ui/use-lazy-schema'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { defaultKubeconfigOptions, type KubeconfigOptions } from '@/lib/kubeconfig/kubeconfig-defaults'
import { kubeconfigQuery, kubeconfigUrl } from '@/lib/queries/kubeconfig-queries'
import { lazySchema, lazyZodResolver } from '@/lib/validation/lazy-schema'

import { KubeconfigOptionsForm } from './kubeconfig-options-form'
import { KubeconfigPreview } from './kubeconfig-preview'

/**
 * Options on the left, the file on the right, regenerated as you type (the server renders it from DescribeCluster, so
 * the preview is exactly what the download holds). Invalid options keep the last valid file and disable Download.
 */
const kubeconfigOptionsSchema = lazySchema(() =>
  import('@/lib/kubeconfig/kubeconfig-options').then((m) => m.kubeconfigOptionsSchema),
)

export function KubeconfigBuilder({ cluster }: { cluster: ClusterRef }) {
  const form = useForm<KubeconfigOptions>({
    resolver: lazyZodResolver(kubeconfigOptionsSchema),
    defaultValues: defaultKubeconfigOptions,
    mode: 'onChange',
  })
  const values = useWatch({ control: form.control })
  // Untouched, the options are the defaults (valid); once edited, the schema (loaded then) checks them, and until it
  // has loaded the last file stays on screen as stale.
  const schema = useLazySchema(kubeconfigOptionsSchema, form.formState.isDirty)
  const parsed = !form.formState.isDirty
    ? ({ success: true, data: defaultKubeconfigOptions } as const)
    : (schema?.safeParse({ ...defaultKubeconfigOptions, ...values }) ?? ({ success: false } as const))
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
