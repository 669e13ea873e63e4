import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { clusterPagePath } from '@/lib/queries/api-paths'

const seg = encodeURIComponent

/** Deep links between the resource views (and to the workload identity engineer's service account view). */
export const resourcePaths = {
  pods: (c: ClusterRef, query = '') => `${clusterPagePath(c, 'resources/pods')}${query}`,
  pod: (c: ClusterRef, namespace: string, name: string) =>
    clusterPagePath(c, `resources/pods/${seg(namespace)}/${seg(name)}`),
  nodes: (c: ClusterRef) => clusterPagePath(c, 'resources/nodes'),
  node: (c: ClusterRef, name: string) => clusterPagePath(c, `resources/nodes/${seg(name)}`),
  namespaces: (c: ClusterRef) => clusterPagePath(c, 'resources/namespaces'),
  namespace: (c: ClusterRef, name: string) => clusterPagePath(c, `resources/namespaces/${seg(name)}`),
  serviceAccount: (c: ClusterRef, namespace: string, name: string) =>
    clusterPagePath(c, `resources/service-accounts/${seg(namespace)}/${seg(name)}`),
}
