// The grant form's warnings from the cluster's Kubernetes API (GET …/access-entries/kubernetes). Warnings, not
// errors: EKS checks neither that scope namespaces exist nor that groups are bound (docs/access-entries.md#username-and-group-rules, docs/access-policies.md#access-scope), and a grant
// for a namespace created tomorrow is legitimate. Isomorphic: the form runs them, tests run them against a cluster.

/** True when a scope namespace pattern (`*` wildcards, as EKS accepts them) matches `namespace`. */
export function namespaceMatches(pattern: string, namespace: string): boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${escaped.join('.*')}$`).test(namespace)
}

/** Scope patterns that match no namespace the cluster has; `known` null = not checked (nothing flagged). */
export function findMissingNamespaces(patterns: readonly string[], known: readonly string[] | null): string[] {
  if (!known) return []
  return patterns.filter((pattern) => pattern !== '' && !known.some((ns) => namespaceMatches(pattern, ns)))
}

/** Groups no RoleBinding or ClusterRoleBinding names (they grant nothing via RBAC); `bound` null = not checked. */
export function findUnboundGroups(groups: readonly string[], bound: readonly string[] | null): string[] {
  if (!bound) return []
  return groups.filter((group) => group !== '' && !bound.includes(group))
}
