// What findings leave out, so the list is about the access people granted rather than Kubernetes' and EKS's own
// plumbing (docs/findings.md#exclusions). The scanners do the same: their default reports skip the bootstrap
// `system:` identities and the kube-system controllers.
import type { RbacSubject } from '@/lib/effective-access/rbac-model'

/** system: groups that stand for many people or every workload: a grant to them is exactly what findings are for. */
const BROAD_SYSTEM_GROUPS = new Set(['system:authenticated', 'system:unauthenticated', 'system:serviceaccounts'])

/** The anonymous identities: their bindings are the unauthenticated-subject-access rule's. */
export function isAnonymousSubject(subject: RbacSubject): boolean {
  return (
    (subject.kind === 'Group' && subject.name === 'system:unauthenticated') ||
    (subject.kind === 'User' && subject.name === 'system:anonymous')
  )
}

/**
 * Whether a binding's subject is built-in plumbing: a `system:` user or group (the control plane, nodes,
 * system:masters — whose aws-auth mappings have their own rule) other than the broad groups, an `eks:` identity EKS
 * manages, or a service account in kube-system (the controllers).
 */
export function isExcludedSubject(subject: RbacSubject, bindingNamespace?: string): boolean {
  if (subject.kind === 'ServiceAccount') return (subject.namespace || bindingNamespace) === 'kube-system'
  if (subject.name.startsWith('eks:')) return true
  if (!subject.name.startsWith('system:')) return false
  if (isAnonymousSubject(subject)) return false
  if (subject.kind === 'Group')
    return !BROAD_SYSTEM_GROUPS.has(subject.name) && !subject.name.startsWith('system:serviceaccounts:')
  return true
}

/** Groups that need no binding to mean something (system:masters, system:nodes, …): never "bound to nothing". */
export function isBuiltInGroup(group: string): boolean {
  return group.startsWith('system:') || group.startsWith('eks:')
}

/**
 * The ClusterRoles Kubernetes binds to anonymous requests itself: system:public-info-viewer (GET /healthz, /version,
 * /livez, /readyz) — https://kubernetes.io/docs/reference/access-authn-authz/rbac/#discovery-roles.
 */
export function isDefaultAnonymousRole(roleName: string): boolean {
  return roleName === 'system:public-info-viewer'
}

/** Access entries of the node and Fargate types get their permissions from EKS; only STANDARD entries are people's. */
export function isPeopleEntry(type: string): boolean {
  return type.toUpperCase() === 'STANDARD'
}
