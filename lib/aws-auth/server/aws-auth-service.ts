import 'server-only'

import type { V1ConfigMap } from '@kubernetes/client-node'
import { stringify } from 'yaml'

import { loadClusterAccessContext, type ClusterAccessContext } from '@/lib/access/server/cluster-access-context'
import type { AwsAuthViewDto } from '@/lib/aws-auth/aws-auth-dto'
import { describeAwsAuth } from '@/lib/aws-auth/aws-auth-view'
import { listAccessEntryArns } from '@/lib/aws/access-entries'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { getConfigMap } from '@/lib/k8s/kube-config-maps'

export const AWS_AUTH = { namespace: 'kube-system', name: 'aws-auth' } as const
const SECTIONS = new Set(['mapRoles', 'mapUsers', 'mapAccounts'])

/** The ConfigMap and the cluster facts an aws-auth read or edit starts from. */
export type AwsAuthState = {
  context: ClusterAccessContext
  configMap: V1ConfigMap | undefined
  data: Record<string, string>
  /** Principals with an access entry; empty in CONFIG_MAP, where EKS does not read entries. */
  accessEntryArns: string[]
}

/** Reads DescribeCluster, kube-system/aws-auth and (when the mode reads them) the access entries, in parallel. */
export async function loadAwsAuthState(ref: ClusterRef): Promise<AwsAuthState> {
  const context = await loadClusterAccessContext(ref.region, ref.name)
  const [configMap, accessEntryArns] = await Promise.all([
    getConfigMap(ref, AWS_AUTH.namespace, AWS_AUTH.name),
    context.authenticationMode === 'CONFIG_MAP'
      ? Promise.resolve([])
      : listAccessEntryArns({ region: ref.region, cluster: ref.name }),
  ])
  return { context, configMap, data: { ...(configMap?.data ?? {}) }, accessEntryArns }
}

/** The ConfigMap as a manifest `kubectl apply` accepts (no server-set fields), for diffs and the CLI equivalent. */
export function toApplyManifest(configMap: V1ConfigMap | undefined, data: Record<string, string>): string {
  const { labels, annotations } = configMap?.metadata ?? {}
  const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration'
  const kept = annotations ? Object.fromEntries(Object.entries(annotations).filter(([k]) => k !== lastApplied)) : {}
  const metadata = {
    name: AWS_AUTH.name,
    namespace: AWS_AUTH.namespace,
    ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
    ...(Object.keys(kept).length > 0 ? { annotations: kept } : {}),
  }
  return stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata, data }, { lineWidth: 0 })
}

/** GET …/aws-auth: the rows with meanings, problems and shadowing, and the raw ConfigMap. */
export async function loadAwsAuthView(ref: ClusterRef): Promise<AwsAuthViewDto> {
  const state = await loadAwsAuthState(ref)
  const { context, configMap, data } = state
  const { managedFields: _dropped, ...metadata } = configMap?.metadata ?? {}
  return {
    cluster: {
      region: ref.region,
      name: ref.name,
      authenticationMode: context.authenticationMode,
      autoMode: context.autoMode,
    },
    readsAwsAuth: context.authenticationMode !== 'API',
    configMap: configMap
      ? {
          resourceVersion: configMap.metadata?.resourceVersion ?? '',
          yaml: stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata, data }, { lineWidth: 0 }),
          data,
          otherKeys: Object.keys(data).filter((key) => !SECTIONS.has(key)),
        }
      : null,
    ...describeAwsAuth(data, {
      authenticationMode: context.authenticationMode,
      accessEntryArns: state.accessEntryArns,
    }),
  }
}
