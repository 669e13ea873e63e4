import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { clusterPagePath } from '@/lib/queries/api-paths'

/** The service account detail page (the pod detail page of the resources section links here too). */
export function serviceAccountPagePath(c: ClusterRef, namespace: string, name: string): string {
  return clusterPagePath(c, `resources/service-accounts/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`)
}
