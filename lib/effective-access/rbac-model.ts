// The Kubernetes RBAC objects the resolver reasons over, in the resolver's own words (the server maps the Kubernetes
// adapter's shapes to these). Shapes follow rbac.authorization.k8s.io/v1
// (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#api-overview).
import type { PolicyRule } from '@/lib/access/policy-rule'

/** metav1.LabelSelector, as a ClusterRole's aggregationRule.clusterRoleSelectors carries it. */
export type LabelSelector = {
  matchLabels?: Record<string, string>
  matchExpressions?: { key: string; operator: string; values?: string[] }[]
}

/** A Role (namespaced) or ClusterRole. `aggregationSelectors` is set on aggregated ClusterRoles only. */
export type RbacRole = {
  kind: 'Role' | 'ClusterRole'
  name: string
  namespace?: string
  labels: Record<string, string>
  rules: PolicyRule[]
  aggregationSelectors?: LabelSelector[]
}

/** A subject of a binding: `User`, `Group` or `ServiceAccount` (the latter with a namespace). */
export type RbacSubject = { kind: string; name: string; namespace?: string }

/** A RoleBinding (namespaced) or ClusterRoleBinding. */
export type RbacBinding = {
  kind: 'RoleBinding' | 'ClusterRoleBinding'
  name: string
  namespace?: string
  roleRef: { kind: string; name: string }
  subjects: RbacSubject[]
}

/** Every RBAC object of one cluster. */
export type RbacObjects = {
  roles: readonly RbacRole[]
  clusterRoles: readonly RbacRole[]
  roleBindings: readonly RbacBinding[]
  clusterRoleBindings: readonly RbacBinding[]
}

/** `RoleBinding team-a/devs-edit` or `ClusterRoleBinding admins`. */
export function formatBindingName(binding: Pick<RbacBinding, 'kind' | 'name' | 'namespace'>): string {
  return binding.kind === 'RoleBinding' ? `${binding.namespace ?? ''}/${binding.name}` : binding.name
}

/** `ServiceAccount ci/deployer`, `Group devs`, `User jane`. */
export function formatSubject(subject: RbacSubject, bindingNamespace?: string): string {
  if (subject.kind === 'ServiceAccount')
    return `ServiceAccount ${subject.namespace || bindingNamespace || ''}/${subject.name}`
  return `${subject.kind} ${subject.name}`
}
