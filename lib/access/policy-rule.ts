/**
 * One Kubernetes RBAC PolicyRule (rbac.authorization.k8s.io/v1), the unit every access policy is described in.
 * Resource rules carry apiGroups + resources; non-resource rules carry nonResourceURLs only.
 */
export type PolicyRule = {
  apiGroups?: string[]
  resources?: string[]
  verbs: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

/** The read verbs Kubernetes' `view` role grants. */
export const READ_VERBS = ['get', 'list', 'watch']

/** The write verbs Kubernetes' `edit` role grants on workloads (no `get`: those come from the view rules). */
export const WRITE_VERBS = ['create', 'delete', 'deletecollection', 'patch', 'update']

/** Every resource verb, spelled out for roles that list them rather than using `*`. */
export const ALL_RESOURCE_VERBS = [...WRITE_VERBS, ...READ_VERBS]

/** Builds a resource rule; a small helper keeps the long policy tables readable. */
export function defineRule(
  apiGroup: string,
  resources: string[],
  verbs: string[],
  resourceNames?: string[],
): PolicyRule {
  return resourceNames
    ? { apiGroups: [apiGroup], resources, verbs, resourceNames }
    : { apiGroups: [apiGroup], resources, verbs }
}
