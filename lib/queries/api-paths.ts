import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

/** The console API path of a cluster, or of one of its sub-resources: `/api/clusters/us-west-2/prod-web/...`. */
export function apiPath(cluster: ClusterRef, ...segments: string[]): string {
  return ['/api/clusters', cluster.region, cluster.name, ...segments]
    .map((part, i) => (i === 0 ? part : encodeURIComponent(part)))
    .join('/')
}

/** The console page path of a cluster section: `/clusters/us-west-2/prod-web/access`. */
export function clusterPagePath(cluster: ClusterRef, section?: string): string {
  const base = `/clusters/${encodeURIComponent(cluster.region)}/${encodeURIComponent(cluster.name)}`
  return section ? `${base}/${section}` : base
}
