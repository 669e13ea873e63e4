// Authorization as an EKS cluster performs it (docs/access-entries.md#how-permissions-combine, docs/aws-auth.md#systemmasters, docs/kubernetes-rbac.md): the `system:masters` superuser group first,
// then the EKS webhook evaluating the caller's access policies by scope, then RBAC for the username and groups.
// Pure: every input is passed in.
import { matchesNamespacePattern, rulesAllow } from './authorize-rules'
import type { Binding, RbacSource, RoleObject, Subject } from './rbac-source'
import type { AccessPolicyGrant, PolicyRule, RequestAttributes, UserInfo } from './types'

export interface AuthorizationInput {
  /** The user as authenticated, with `system:authenticated` already in groups. */
  user: UserInfo
  /** The caller's access-policy associations (empty for aws-auth identities and impersonation). */
  accessPolicies: readonly AccessPolicyGrant[]
  /** Access-policy ARN → rules (lib/access/policy-catalogue.ts `accessPolicyRules`). */
  accessPolicyRules: (policyArn: string) => PolicyRule[] | undefined
  rbac: RbacSource
}

export interface Decision {
  allowed: boolean
  reason: string
  decidedBy?: 'system:masters' | 'access-policy' | 'rbac'
}

/** Whether an access scope covers a request: namespace scopes never cover cluster-scoped or all-namespace requests. */
export function scopeCovers(scope: AccessPolicyGrant['scope'], attrs: RequestAttributes): boolean {
  if (scope.type === 'cluster') return true
  if (attrs.kind !== 'resource' || !attrs.namespace) return false
  const ns = attrs.namespace
  return scope.namespaces.some((p) => matchesNamespacePattern(p, ns))
}

function subjectMatches(subject: Subject, user: UserInfo, bindingNamespace: string | undefined): boolean {
  if (subject.kind === 'User') return subject.name === user.username
  if (subject.kind === 'Group') return user.groups.includes(subject.name)
  const ns = subject.namespace || bindingNamespace || ''
  return user.username === `system:serviceaccount:${ns}:${subject.name}`
}

function describeSubject(s: Subject): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount "${s.namespace ?? ''}/${s.name}"` : `${s.kind} "${s.name}"`
}

interface ApplicableRules {
  rules: PolicyRule[]
  describe: () => string
}

/** Yields the rules of every binding that applies to the user, cluster-wide first, then in `namespace`. */
export function* listApplicableRbacRules(
  user: UserInfo,
  namespace: string | undefined,
  rbac: RbacSource,
): Generator<ApplicableRules> {
  const resolve = (b: Binding): RoleObject | undefined =>
    b.roleRef.kind === 'ClusterRole'
      ? rbac.clusterRole(b.roleRef.name)
      : rbac.role(b.metadata.namespace ?? '', b.roleRef.name)
  const bindings: [Binding, string][] = [...rbac.clusterRoleBindings()].map((b) => [b, 'ClusterRoleBinding'])
  if (namespace) for (const b of rbac.roleBindings(namespace)) bindings.push([b, 'RoleBinding'])
  for (const [b, kind] of bindings) {
    const subject = (b.subjects ?? []).find((s) => subjectMatches(s, user, b.metadata.namespace))
    if (!subject) continue
    const role = resolve(b)
    if (!role) continue
    const bindingName = kind === 'RoleBinding' ? `${b.metadata.namespace}/${b.metadata.name}` : b.metadata.name
    yield {
      rules: role.rules ?? [],
      describe: () =>
        `RBAC: allowed by ${kind} "${bindingName}" of ${b.roleRef.kind} "${b.roleRef.name}" to ${describeSubject(subject)}`,
    }
  }
}

/** Decides one request. */
export function authorize(attrs: RequestAttributes, input: AuthorizationInput): Decision {
  // kube-apiserver's privileged-group authorizer: system:masters skips every other authorizer.
  if (input.user.groups.includes('system:masters')) return { allowed: true, reason: '', decidedBy: 'system:masters' }
  for (const grant of input.accessPolicies) {
    if (!scopeCovers(grant.scope, attrs)) continue
    const rules = input.accessPolicyRules(grant.policyArn)
    if (rules && rulesAllow(rules, attrs)) {
      const scope = grant.scope.type === 'cluster' ? 'cluster' : `namespace ${grant.scope.namespaces.join(',')}`
      return {
        allowed: true,
        reason: `EKS access policy ${grant.policyArn} (${scope} scope)`,
        decidedBy: 'access-policy',
      }
    }
  }
  const namespace = attrs.kind === 'resource' ? attrs.namespace : undefined
  for (const applicable of listApplicableRbacRules(input.user, namespace, input.rbac)) {
    if (rulesAllow(applicable.rules, attrs)) return { allowed: true, reason: applicable.describe(), decidedBy: 'rbac' }
  }
  return { allowed: false, reason: '' }
}

/**
 * kube-apiserver's Forbidden message, e.g. `pods "x" is forbidden: User "u" cannot get resource "pods" in API group ""
 * in the namespace "kube-system"` (apiserver/pkg/endpoints/handlers/responsewriters.forbiddenMessage).
 */
export function buildForbiddenMessage(username: string, attrs: RequestAttributes, reason = ''): string {
  const suffix = reason ? `: ${reason}` : ''
  if (attrs.kind === 'nonResource')
    return `forbidden: User "${username}" cannot ${attrs.verb} path "${attrs.path}"${suffix}`
  const gr = attrs.apiGroup ? `${attrs.resource}.${attrs.apiGroup}` : attrs.resource
  const what = attrs.name ? `${gr} "${attrs.name}"` : gr
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource
  const where = attrs.namespace ? `in the namespace "${attrs.namespace}"` : 'at the cluster scope'
  return `${what} is forbidden: User "${username}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.apiGroup}" ${where}${suffix}`
}
