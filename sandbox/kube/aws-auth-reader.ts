// Reads `kube-system/aws-auth` for the identity mapping: the AWS-side wiring passes the result to mapEksIdentity.
import type { KubeStore } from './kube-store'
import { buildStorageKey } from './resources'
import type { ClusterRef } from './types'

/** The aws-auth ConfigMap's data (mapRoles/mapUsers/mapAccounts YAML strings), or undefined if absent. */
export function readAwsAuthData(
  store: KubeStore,
  cluster: ClusterRef,
): { mapRoles?: string; mapUsers?: string; mapAccounts?: string } | undefined {
  const cm = store.getCluster(cluster)?.get(buildStorageKey('', 'configmaps'), 'kube-system', 'aws-auth')
  return cm ? ((cm.data as Record<string, string> | undefined) ?? {}) : undefined
}
