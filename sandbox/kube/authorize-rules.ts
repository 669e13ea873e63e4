// RBAC rule matching, exactly as kubernetes/pkg/apis/rbac/v1/evaluation_helpers.go does it: `*` wildcards,
// `resource/subresource` names, `*/subresource`, resourceNames only for requests that name an object, and
// nonResourceURLs with a trailing `*` as a prefix match.
import type { PolicyRule, RequestAttributes } from './types'

function includesOrWildcard(list: string[] | undefined, value: string): boolean {
  return (list ?? []).some((x) => x === '*' || x === value)
}

function matchesResource(rule: PolicyRule, resource: string, subresource: string | undefined): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource
  return (rule.resources ?? []).some(
    (r) => r === '*' || r === combined || (subresource !== undefined && subresource !== '' && r === `*/${subresource}`),
  )
}

function matchesNonResourceUrl(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some(
    (u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.replace(/\*+$/, ''))),
  )
}

/** Whether one rule allows the request. */
export function ruleAllows(rule: PolicyRule, attrs: RequestAttributes): boolean {
  if (!includesOrWildcard(rule.verbs, attrs.verb)) return false
  if (attrs.kind === 'nonResource') return matchesNonResourceUrl(rule, attrs.path)
  if (!includesOrWildcard(rule.apiGroups, attrs.apiGroup)) return false
  if (!matchesResource(rule, attrs.resource, attrs.subresource)) return false
  const names = rule.resourceNames ?? []
  // A rule restricted to names never matches list/watch/create-without-name, as upstream.
  return names.length === 0 || (attrs.name !== undefined && attrs.name !== '' && names.includes(attrs.name))
}

/** Whether any rule of a set allows the request. */
export function rulesAllow(rules: readonly PolicyRule[], attrs: RequestAttributes): boolean {
  return rules.some((r) => ruleAllows(r, attrs))
}

/** Matches a namespace against an EKS access-scope pattern; EKS allows a `*` wildcard (e.g. `dev-*`). */
export function matchesNamespacePattern(pattern: string, namespace: string): boolean {
  if (!pattern.includes('*')) return pattern === namespace
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  )
  return re.test(namespace)
}
