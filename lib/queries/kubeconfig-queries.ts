import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { type generatedKubeconfigSchema } from '@/lib/kubeconfig/generated-kubeconfig'
import { kubeconfigSearchParams, type KubeconfigOptions } from '@/lib/kubeconfig/kubeconfig-defaults'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'

/** Query keys of generated kubeconfigs, one per option set. */
export const kubeconfigKeys = {
  all: (c: ClusterRef) => [...clusterKeys.all(c), 'kubeconfig'] as const,
  one: (c: ClusterRef, options: KubeconfigOptions) => [...kubeconfigKeys.all(c), options] as const,
}

/** The API URL of a cluster's kubeconfig with `options`; `download` asks for the file as an attachment. */
export function kubeconfigUrl(c: ClusterRef, options: KubeconfigOptions, download = false): string {
  const params = kubeconfigSearchParams(options)
  if (download) params.set('download', '1')
  const query = params.toString()
  return `${apiPath(c, 'kubeconfig')}${query ? `?${query}` : ''}`
}

/** GET …/kubeconfig: the YAML, file name, context name and the equivalent `aws eks update-kubeconfig` command. */
export const kubeconfigQuery = (c: ClusterRef, options: KubeconfigOptions) =>
  queryOptions({
    queryKey: kubeconfigKeys.one(c, options),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof generatedKubeconfigSchema>>(kubeconfigUrl(c, options), { signal }),
    // Typing an option changes the key; keep showing the last file instead of flashing a skeleton per keystroke.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  })
