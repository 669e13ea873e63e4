/** The sections of a cluster; `ready: false` ones are shown but not linked until they are built. */
export const clusterSections = [
  { segment: undefined, label: 'Overview', ready: true },
  { segment: 'resources', label: 'Resources', ready: true },
  { segment: 'access', label: 'Access', ready: true },
  { segment: 'effective-access', label: 'Effective access', ready: true },
  { segment: 'rbac', label: 'RBAC', ready: true },
  { segment: 'findings', label: 'Findings', ready: true },
  { segment: 'aws-auth', label: 'aws-auth', ready: true },
  { segment: 'workload-identity', label: 'Workload identity', ready: true },
  { segment: 'identity-providers', label: 'Identity providers', ready: true },
  { segment: 'requests', label: 'Requests', ready: true },
  { segment: 'kubeconfig', label: 'Kubeconfig', ready: true },
  { segment: 'history', label: 'History', ready: true },
] as const

type ClusterSectionSegment = (typeof clusterSections)[number]['segment']

// Pages that live under one section's URL but belong to another: a service account page sits at
// …/resources/service-accounts/<ns>/<name> (Pods link there) yet is the Workload identity detail view, and its
// breadcrumb says so — the tab must agree with the breadcrumb.
const BORROWED_PATHS: { prefix: string; segment: ClusterSectionSegment }[] = [
  { prefix: 'resources/service-accounts/', segment: 'workload-identity' },
]

/**
 * The section a cluster page belongs to, from its path below the cluster (`''` for the overview). A section stays
 * current on its sub-pages (…/access/grant is still Access).
 */
export function currentClusterSection(pathBelowCluster: string): ClusterSectionSegment {
  const path = pathBelowCluster.replace(/^\/+|\/+$/g, '')
  const borrowed = BORROWED_PATHS.find((b) => `${path}/`.startsWith(b.prefix))
  if (borrowed) return borrowed.segment
  const first = path.split('/')[0] ?? ''
  return clusterSections.find((s) => s.segment === first)?.segment
}

/** Whether a path below the cluster is a service account page (shown under Workload identity, not Resources). */
export function isServiceAccountPath(pathBelowCluster: string): boolean {
  return (
    currentClusterSection(pathBelowCluster) === 'workload-identity' && pathBelowCluster.includes('service-accounts/')
  )
}
