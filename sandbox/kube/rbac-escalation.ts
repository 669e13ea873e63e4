// RBAC privilege-escalation prevention, as kube-apiserver's RBAC storage does it
// (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping;
// kubernetes/pkg/registry/rbac/{role,clusterrole,rolebinding,clusterrolebinding}/policybased and
// pkg/registry/rbac/validation): writing a Role/ClusterRole needs every rule it grants already held, or `escalate` on
// it; writing a binding needs the referenced role's rules held in the binding's namespace, or `bind` on that role.
//
// "Held" means what the RBAC rule resolver finds for the user, so permissions from EKS access policies do not count;
// access policies only take part through the `escalate`/`bind` checks, which go through the whole authorizer chain
// (the EKS webhook included). So AmazonEKSClusterAdminPolicy (`*` verbs) may bind anything, while AmazonEKSAdminPolicy
// (no bind/escalate) cannot bind `view` without RBAC of its own. UNVERIFIED: reported in
// https://github.com/aws/containers-roadmap/issues/2682, not stated by AWS (docs/unverified.md#rbac-escalation-and-access-policies).
import { listApplicableRbacRules } from './authorize'
import { KubeError } from './kube-error'
import type { RbacSource } from './rbac-source'
import type { KubeObject, PolicyRule, RequestAttributes, UserInfo } from './types'

const RBAC = 'rbac.authorization.k8s.io'
const FULL_AUTHORITY: PolicyRule[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
  { nonResourceURLs: ['*'], verbs: ['*'] },
]

export interface EscalationContext {
  user: UserInfo
  /** The whole authorizer chain (system:masters, access policies, RBAC), for the `escalate` and `bind` checks. */
  isAllowed(attrs: RequestAttributes): boolean
  rbac: RbacSource
}

/** Splits a rule into one rule per group × resource × verb (× resourceName), and per URL × verb (BreakdownRule). */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = []
  for (const group of rule.apiGroups ?? [])
    for (const resource of rule.resources ?? [])
      for (const verb of rule.verbs) {
        const names = rule.resourceNames ?? []
        if (names.length === 0) out.push({ apiGroups: [group], resources: [resource], verbs: [verb] })
        else
          for (const n of names)
            out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [n] })
      }
  for (const url of rule.nonResourceURLs ?? [])
    for (const verb of rule.verbs) out.push({ nonResourceURLs: [url], verbs: [verb] })
  return out
}

const has = (list: readonly string[] | undefined, v: string) => (list ?? []).includes(v)
const hasAll = (list: readonly string[] | undefined, vs: readonly string[] | undefined) =>
  (vs ?? []).every((v) => has(list, v))

function resourceCovers(owner: readonly string[] | undefined, sub: string): boolean {
  if (has(owner, '*') || has(owner, sub)) return true
  const slash = sub.indexOf('/')
  return slash >= 0 && has(owner, `*${sub.slice(slash)}`)
}

function urlCovers(owner: readonly string[] | undefined, url: string): boolean {
  return (owner ?? []).some((u) => u === '*' || u === url || (u.endsWith('*') && url.startsWith(u.replace(/\*+$/, ''))))
}

/** Whether one owner rule covers one (broken-down) rule (policy_comparator.go ruleCovers). */
export function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const verbs = has(owner.verbs, '*') || hasAll(owner.verbs, sub.verbs)
  const groups = has(owner.apiGroups, '*') || hasAll(owner.apiGroups, sub.apiGroups)
  const resources = (sub.resources ?? []).every((r) => resourceCovers(owner.resources, r))
  const urls = (sub.nonResourceURLs ?? []).every((u) => urlCovers(owner.nonResourceURLs, u))
  const ownerNames = owner.resourceNames ?? []
  const names =
    (sub.resourceNames ?? []).length === 0
      ? ownerNames.length === 0
      : ownerNames.length === 0 || hasAll(ownerNames, sub.resourceNames)
  return verbs && groups && resources && urls && names
}

/** The broken-down rules of `requested` that no owner rule covers (validation.Covers). */
export function findUncoveredRules(owner: readonly PolicyRule[], requested: readonly PolicyRule[]): PolicyRule[] {
  return requested.flatMap(breakdownRule).filter((sub) => !owner.some((o) => ruleCovers(o, sub)))
}

/** Merges single group/resource/name rules that differ only in verbs (validation.CompactRules). */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const simple = new Map<string, PolicyRule>()
  const out: PolicyRule[] = []
  for (const r of rules) {
    const isSimple =
      (r.resourceNames ?? []).length <= 1 &&
      (r.nonResourceURLs ?? []).length === 0 &&
      (r.apiGroups ?? []).length === 1 &&
      (r.resources ?? []).length === 1
    if (!isSimple) {
      out.push(r)
      continue
    }
    const key = JSON.stringify([r.apiGroups, r.resources, r.resourceNames ?? []])
    const existing = simple.get(key)
    if (existing) existing.verbs = [...existing.verbs, ...r.verbs]
    else simple.set(key, { ...r, verbs: [...r.verbs] })
  }
  return [...out, ...simple.values()]
}

/** Go's `%q` of a string slice: `["a" "b"]`. */
function goQuoteList(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(' ')}]`
}

/** rbacv1helpers.CompactString: `{APIGroups:[""], Resources:["pods"], Verbs:["get" "list"]}`. */
export function formatCompactRule(r: PolicyRule): string {
  const parts: string[] = []
  if ((r.apiGroups ?? []).length > 0) parts.push(`APIGroups:${goQuoteList(r.apiGroups ?? [])}`)
  if ((r.resources ?? []).length > 0) parts.push(`Resources:${goQuoteList(r.resources ?? [])}`)
  if ((r.nonResourceURLs ?? []).length > 0) parts.push(`NonResourceURLs:${goQuoteList(r.nonResourceURLs ?? [])}`)
  if ((r.resourceNames ?? []).length > 0) parts.push(`ResourceNames:${goQuoteList(r.resourceNames ?? [])}`)
  if (r.verbs.length > 0) parts.push(`Verbs:${goQuoteList(r.verbs)}`)
  return `{${parts.join(', ')}}`
}

function heldRules(ctx: EscalationContext, namespace: string | undefined): PolicyRule[] {
  return [...listApplicableRbacRules(ctx.user, namespace || undefined, ctx.rbac)].flatMap((a) => a.rules)
}

function forbidden(resource: string, name: string, message: string): KubeError {
  return new KubeError('Forbidden', `${resource}.${RBAC} "${name}" is forbidden: ${message}`, {
    name,
    group: RBAC,
    kind: resource,
  })
}

/** validation.ConfirmNoEscalation: the exact message kube-apiserver returns, or undefined when nothing is missing. */
function describeEscalation(ctx: EscalationContext, namespace: string | undefined, rules: PolicyRule[]) {
  const missing = findUncoveredRules(heldRules(ctx, namespace), rules)
  if (missing.length === 0) return undefined
  const lines = [...new Set(compactRules(missing).map(formatCompactRule))].sort()
  return `user "${ctx.user.username}" (groups=${goQuoteList(ctx.user.groups)}) is attempting to grant RBAC permissions not currently held:\n${lines.join('\n')}`
}

/** Only ownerReferences/finalizers changed (rbacregistry.IsOnlyMutatingGCFields): such updates are never checked. */
function isOnlyGcChange(next: KubeObject, current: KubeObject | undefined): boolean {
  if (!current) return false
  const strip = (o: KubeObject) => {
    const { ownerReferences: _o, finalizers: _f, resourceVersion: _r, managedFields: _m, ...meta } = o.metadata
    return JSON.stringify({ ...o, metadata: meta })
  }
  return strip(next) === strip(current)
}

/**
 * Throws 403 Forbidden when writing `next` (a Role, ClusterRole, RoleBinding or ClusterRoleBinding) would grant the
 * caller permissions it does not hold; 400 when a binding names a role that does not exist. `urlName` is the name
 * in the request path (none for create), as the `escalate` check sees it.
 */
export function confirmNoRbacEscalation(
  ctx: EscalationContext,
  req: { resource: string; namespace?: string; urlName?: string },
  next: KubeObject,
  current: KubeObject | undefined,
): void {
  if (ctx.user.groups.includes('system:masters') || isOnlyGcChange(next, current)) return
  const name = next.metadata.name
  if (req.resource === 'roles' || req.resource === 'clusterroles') {
    const attrs: RequestAttributes = {
      kind: 'resource',
      verb: 'escalate',
      apiGroup: RBAC,
      resource: req.resource,
      namespace: req.namespace,
      name: req.urlName,
    }
    if (ctx.isAllowed(attrs)) return
    const message = describeEscalation(ctx, req.namespace, (next.rules as PolicyRule[] | undefined) ?? [])
    if (message) throw forbidden(req.resource, name, message)
    if (req.resource === 'clusterroles' && next.aggregationRule && describeEscalation(ctx, undefined, FULL_AUTHORITY))
      throw forbidden(req.resource, name, 'must have cluster-admin privileges to use the aggregationRule')
    return
  }
  if (req.resource !== 'rolebindings' && req.resource !== 'clusterrolebindings') return
  const roleRef = next.roleRef as { apiGroup?: string; kind?: string; name?: string } | undefined
  if (!roleRef?.name) return
  const roleResource = roleRef.kind === 'ClusterRole' ? 'clusterroles' : 'roles'
  const bind: RequestAttributes = {
    kind: 'resource',
    verb: 'bind',
    apiGroup: roleRef.apiGroup ?? RBAC,
    resource: roleResource,
    namespace: req.namespace,
    name: roleRef.name,
  }
  if (ctx.isAllowed(bind)) return
  const role =
    roleResource === 'clusterroles'
      ? ctx.rbac.clusterRole(roleRef.name)
      : ctx.rbac.role(req.namespace ?? '', roleRef.name)
  if (!role) throw new KubeError('BadRequest', `${roleResource}.${RBAC} "${roleRef.name}" not found`)
  const message = describeEscalation(ctx, req.namespace, role.rules ?? [])
  if (message) throw forbidden(req.resource, name, message)
}
