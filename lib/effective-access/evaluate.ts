// Step 2 of the resolver: is one request allowed for a resolved identity, and by which paths. The order is an EKS
// cluster's authorizer chain (docs/access-entries.md#how-permissions-combine): the system:masters superuser group,
// then the EKS webhook with the entry's access policies (each within its scope), then RBAC for the username and
// groups. There are no deny rules anywhere, so the answer is the union: allowed when any path allows.
import { accessPolicyRules } from '@/lib/access/policy-catalogue'
import type { PolicyRule } from '@/lib/access/policy-rule'
import { ruleAllows, rulesAllowInScope, type RequestAttributes } from '@/lib/access/rules'

import { buildAccessPolicyPath, buildRbacPath, buildSuperuserPath, type GrantPath } from './grant-path'
import type { PolicyGrant } from './identity'
import { listAppliedBindings, sessionNameRendering, type KubeIdentity, type RbacIndex } from './rbac-index'

/** An identity as the authorizer sees it, with the access policies the EKS webhook holds for it. */
export type AuthorizedIdentity = KubeIdentity & { accessPolicies: readonly PolicyGrant[] }

/** Where the resolver reads access-policy rules; the catalogue by default. */
export type PolicyRulesLookup = (policyArn: string) => readonly PolicyRule[] | undefined

/**
 * kube-apiserver's RequestInfo gives a request on the Namespace object itself (`/api/v1/namespaces/team-a`) the
 * namespace `team-a`, so RoleBindings in team-a and namespace-scoped access policies for team-a apply to it. Questions
 * asked as (verb, "namespaces", name) get the same treatment here.
 */
export function normalizeRequest(attrs: RequestAttributes): RequestAttributes {
  if (attrs.nonResourceURL !== undefined)
    return { verb: attrs.verb, apiGroup: '', resource: '', nonResourceURL: attrs.nonResourceURL }
  if (attrs.apiGroup === '' && attrs.resource === 'namespaces' && attrs.name && !attrs.namespace)
    return { ...attrs, namespace: attrs.name }
  return attrs
}

/** The first rule index of `rules` that allows the request, or -1. */
function findRule(rules: readonly PolicyRule[], attrs: RequestAttributes): number {
  return rules.findIndex((rule) => ruleAllows(rule, attrs))
}

/**
 * Every path by which `identity` may make the request (empty: forbidden). `firstOnly` stops at the first path, for
 * yes/no questions over many principals.
 */
export function explainRequest(
  index: RbacIndex,
  identity: AuthorizedIdentity,
  request: RequestAttributes,
  options: { firstOnly?: boolean; policyRules?: PolicyRulesLookup } = {},
): GrantPath[] {
  const attrs = normalizeRequest(request)
  const paths: GrantPath[] = []
  const done = () => options.firstOnly === true && paths.length > 0
  // kube-apiserver's privileged-group authorizer runs first and short-circuits the others.
  if (identity.groups.includes('system:masters')) {
    paths.push(buildSuperuserPath())
    if (done()) return paths
  }
  const lookup = options.policyRules ?? accessPolicyRules
  for (const grant of identity.accessPolicies) {
    const rules = lookup(grant.policyArn)
    if (!rules || !rulesAllowInScope(rules, grant.accessScope, attrs)) continue
    paths.push(buildAccessPolicyPath(grant, findRule(rules, attrs), attrs.namespace || undefined))
    if (done()) return paths
  }
  // Non-resource URLs are cluster-wide: only ClusterRoleBindings grant them (RoleBindings hold no such rules).
  const namespace = attrs.nonResourceURL === undefined ? attrs.namespace : undefined
  for (const applied of listAppliedBindings(index, identity, namespace)) {
    if (!applied.role) continue
    const ruleIndex = findRule(applied.role.rules, attrs)
    if (ruleIndex === -1) continue
    const from = applied.role.aggregationSelectors ? index.aggregationSource(applied.role, ruleIndex) : undefined
    // A templated username reached a User binding through one rendering of it: say which session that is.
    const session =
      applied.subject.kind === 'User' ? sessionNameRendering(identity.username, applied.subject.name) : undefined
    paths.push(buildRbacPath(applied.subject, applied.binding, applied.role, ruleIndex, from, session))
    if (done()) return paths
  }
  return paths
}

/**
 * The object names a request that names none could still reach: rules limited by `resourceNames` allow only requests
 * naming one of them (kube-apiserver's RBAC `ResourceNameMatches`), so "get secrets" is refused while "get secret x"
 * is allowed. Returns each such name with the paths that allow it (empty: none). A `create` of a collection and a
 * `deletecollection` never carry a name (RequestInfo has none to give), so no name helps them.
 */
export function explainNamedRequests(
  index: RbacIndex,
  identity: AuthorizedIdentity,
  request: RequestAttributes,
  options: { policyRules?: PolicyRulesLookup } = {},
): { name: string; paths: GrantPath[] }[] {
  const attrs = normalizeRequest(request)
  if (attrs.nonResourceURL !== undefined || attrs.name) return []
  if (attrs.verb === 'deletecollection' || (attrs.verb === 'create' && !attrs.subresource)) return []
  const candidates = new Set<string>()
  const collect = (rules: readonly PolicyRule[]) => {
    for (const rule of rules) {
      const first = rule.resourceNames?.[0]
      // Every name of a rule matches alike: one probe decides whether the rule's other fields fit the request.
      if (first !== undefined && ruleAllows(rule, { ...attrs, name: first }))
        for (const name of rule.resourceNames ?? []) candidates.add(name)
    }
  }
  const lookup = options.policyRules ?? accessPolicyRules
  for (const grant of identity.accessPolicies) collect(lookup(grant.policyArn) ?? [])
  for (const applied of listAppliedBindings(index, identity, attrs.namespace)) collect(applied.role?.rules ?? [])
  // Each name is decided again as a whole request, so scopes, bindings and system:masters count as for any other.
  return [...candidates]
    .sort()
    .map((name) => ({ name, paths: explainRequest(index, identity, { ...attrs, name }, options) }))
    .filter((n) => n.paths.length > 0)
}
