// Kubernetes RBAC rule matching, reimplemented from k8s.io/kubernetes pkg/apis/rbac/v1/evaluation_helpers.go so the
// console's permission resolver and the sandbox authorizer decide exactly as kube-apiserver's RBAC authorizer does.
import type { PolicyRule } from './policy-rule'

/** The attributes of one request, as kube-apiserver's RequestInfo + authorizer.Attributes describe it. */
export type RequestAttributes = {
  verb: string
  /** `''` for the core group. */
  apiGroup: string
  resource: string
  subresource?: string
  name?: string
  /** Empty or undefined for cluster-scoped resources and all-namespace lists. */
  namespace?: string
  /** Set for non-resource requests (`/healthz`, `/metrics`); then the resource fields are ignored. */
  nonResourceURL?: string
}

/** An access-policy association scope, as EKS returns it (`namespaces` is `[]` for cluster scope). */
export type AccessScopeLike = { type: 'cluster' | 'namespace'; namespaces?: readonly string[] }

function includesOrStar(values: readonly string[] | undefined, wanted: string): boolean {
  return values !== undefined && (values.includes('*') || values.includes(wanted))
}

function matchesResource(ruleResources: readonly string[], resource: string, subresource: string | undefined): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource
  return ruleResources.some(
    // `*/scale` grants the scale subresource of every resource (RBAC docs, "Referring to resources").
    (r) => r === '*' || r === combined || (subresource !== undefined && subresource !== '' && r === `*/${subresource}`),
  )
}

function matchesNonResourceURL(ruleURLs: readonly string[], path: string): boolean {
  return ruleURLs.some((u) => {
    if (u === '*' || u === path) return true
    // Only trailing `*`s are a wildcard in nonResourceURLs ("/healthz/*" covers "/healthz/etcd", not "/healthz"); all of
    // them are trimmed (strings.TrimRight in NonResourceURLMatches).
    return u.endsWith('*') && path.startsWith(u.replace(/\*+$/, ''))
  })
}

/**
 * Reports whether one RBAC rule allows the request. resourceNames restrict to named objects, so a rule with
 * resourceNames never allows list/watch/create/deletecollection without a name (Kubernetes RBAC semantics).
 */
export function ruleAllows(rule: PolicyRule, attrs: RequestAttributes): boolean {
  if (!includesOrStar(rule.verbs, attrs.verb)) return false
  if (attrs.nonResourceURL !== undefined) {
    return rule.nonResourceURLs !== undefined && matchesNonResourceURL(rule.nonResourceURLs, attrs.nonResourceURL)
  }
  if (!rule.resources || !includesOrStar(rule.apiGroups, attrs.apiGroup)) return false
  if (!matchesResource(rule.resources, attrs.resource, attrs.subresource)) return false
  if (rule.resourceNames && rule.resourceNames.length > 0) {
    return attrs.name !== undefined && attrs.name !== '' && rule.resourceNames.includes(attrs.name)
  }
  return true
}

/** Reports whether any rule allows the request (RBAC is a union: there are no deny rules). */
export function rulesAllow(rules: readonly PolicyRule[], attrs: RequestAttributes): boolean {
  return rules.some((rule) => ruleAllows(rule, attrs))
}

function matchesNamespacePattern(pattern: string, namespace: string): boolean {
  if (!pattern.includes('*')) return pattern === namespace
  // EKS access scopes accept `*` wildcards in namespace names (e.g. `dev-*`); `*` matches any run of characters.
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${escaped.join('.*')}$`).test(namespace)
}

/**
 * Reports whether a request's namespace falls inside an access scope. Cluster scope covers every namespace and
 * cluster-scoped resources; namespace scope covers only the listed namespaces (wildcards allowed) and never a
 * request without a namespace (cluster-scoped resources, all-namespace lists), per the EKS access-scope docs.
 */
export function namespaceMatchesScope(namespace: string | undefined, scope: AccessScopeLike): boolean {
  if (scope.type === 'cluster') return true
  if (!namespace) return false
  return (scope.namespaces ?? []).some((pattern) => matchesNamespacePattern(pattern, namespace))
}

/**
 * Reports whether an access policy's rules, associated with `scope`, allow the request.
 * Non-resource URLs are granted only at cluster scope. A request on the namespace object itself carries the
 * namespace's name as its namespace (kube-apiserver RequestInfo does this for `namespaces/<name>`), which is why a
 * namespace-scoped View policy lets a person `get` their own namespace but not list all namespaces.
 */
export function rulesAllowInScope(
  rules: readonly PolicyRule[],
  scope: AccessScopeLike,
  attrs: RequestAttributes,
): boolean {
  if (attrs.nonResourceURL !== undefined) return scope.type === 'cluster' && rulesAllow(rules, attrs)
  const isNamespaceObject = attrs.apiGroup === '' && attrs.resource === 'namespaces'
  const namespace = attrs.namespace || (isNamespaceObject ? attrs.name : undefined)
  return namespaceMatchesScope(namespace, scope) && rulesAllow(rules, attrs)
}
