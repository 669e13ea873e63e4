// Bindings indexed by subject, so "which bindings apply to this identity" costs one lookup per group instead of a scan
// of every binding (10,000 on a large cluster). Subject matching is kube-apiserver's
// (plugin/pkg/auth/authorizer/rbac/rbac.go appliesToUser): User by username, Group by membership, ServiceAccount by
// the username `system:serviceaccount:<ns>:<name>`, its namespace defaulting to the RoleBinding's own.
import { findAggregationSource } from './aggregation'
import type { RbacBinding, RbacObjects, RbacRole, RbacSubject } from './rbac-model'

/** One binding as it applies to one subject, with the role it points at (undefined: the role does not exist). */
export type AppliedBinding = { binding: RbacBinding; subject: RbacSubject; role: RbacRole | undefined }

/** A Kubernetes identity as the authorizer sees it. */
export type KubeIdentity = { username: string; groups: readonly string[] }

/** The RBAC objects of one cluster, indexed. Build once per snapshot with {@link buildRbacIndex}. */
export type RbacIndex = {
  objects: RbacObjects
  clusterRole(name: string): RbacRole | undefined
  role(namespace: string, name: string): RbacRole | undefined
  roleOf(binding: RbacBinding): RbacRole | undefined
  /** The ClusterRoleBindings naming this subject key. */
  clusterBindingsFor(key: string): readonly AppliedBinding[]
  /** The RoleBindings naming this subject key, by namespace. */
  roleBindingsFor(key: string): ReadonlyMap<string, readonly AppliedBinding[]>
  /** Every User subject name bound anywhere (templated usernames are matched against these). */
  userNames: readonly string[]
  /** Every Group subject name bound anywhere. */
  groupNames: ReadonlySet<string>
  /** Where an aggregated ClusterRole's rule came from (cached). */
  aggregationSource(role: RbacRole, ruleIndex: number): string | undefined
}

/** `User\0jane`, `Group\0devs`, `ServiceAccount\0ci\0deployer`. */
export function subjectKey(kind: string, name: string, namespace = ''): string {
  return kind === 'ServiceAccount' ? `ServiceAccount\0${namespace}\0${name}` : `${kind}\0${name}`
}

const SA_PREFIX = 'system:serviceaccount:'

/** `system:serviceaccount:<ns>:<name>` → `{namespace, name}` (k8s.io/apiserver serviceaccount.SplitUsername). */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined
  const parts = username.slice(SA_PREFIX.length).split(':')
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined
  return { namespace: parts[0], name: parts[1] }
}

/** Indexes every binding by the subjects it names. */
export function buildRbacIndex(objects: RbacObjects): RbacIndex {
  const clusterRoles = new Map(objects.clusterRoles.map((r) => [r.name, r]))
  const roles = new Map(objects.roles.map((r) => [`${r.namespace ?? ''}\0${r.name}`, r]))
  const roleOf = (b: RbacBinding): RbacRole | undefined =>
    b.roleRef.kind === 'ClusterRole'
      ? clusterRoles.get(b.roleRef.name)
      : // A ClusterRoleBinding may only reference a ClusterRole; a Role is looked up in the binding's namespace.
        b.kind === 'RoleBinding' && b.roleRef.kind === 'Role'
        ? roles.get(`${b.namespace ?? ''}\0${b.roleRef.name}`)
        : undefined
  const cluster = new Map<string, AppliedBinding[]>()
  const namespaced = new Map<string, Map<string, AppliedBinding[]>>()
  const users = new Set<string>()
  const groups = new Set<string>()
  const add = (b: RbacBinding, subject: RbacSubject, key: string) => {
    const applied = { binding: b, subject, role: roleOf(b) }
    if (b.kind === 'ClusterRoleBinding') {
      const list = cluster.get(key) ?? []
      list.push(applied)
      cluster.set(key, list)
      return
    }
    const byNs = namespaced.get(key) ?? new Map<string, AppliedBinding[]>()
    const list = byNs.get(b.namespace ?? '') ?? []
    list.push(applied)
    byNs.set(b.namespace ?? '', list)
    namespaced.set(key, byNs)
  }
  for (const b of [...objects.clusterRoleBindings, ...objects.roleBindings]) {
    for (const s of b.subjects) {
      if (s.kind === 'User') users.add(s.name)
      if (s.kind === 'Group') groups.add(s.name)
      if (s.kind === 'ServiceAccount') {
        // A ServiceAccount subject with no namespace defaults to the RoleBinding's; in a ClusterRoleBinding it
        // matches nobody (appliesToUser gets namespace "").
        const ns = s.namespace || (b.kind === 'RoleBinding' ? (b.namespace ?? '') : '')
        if (ns) add(b, s, subjectKey('ServiceAccount', s.name, ns))
      } else add(b, s, subjectKey(s.kind, s.name))
    }
  }
  const sources = new Map<string, string | undefined>()
  return {
    objects,
    clusterRole: (name) => clusterRoles.get(name),
    role: (namespace, name) => roles.get(`${namespace}\0${name}`),
    roleOf,
    clusterBindingsFor: (key) => cluster.get(key) ?? [],
    roleBindingsFor: (key) => namespaced.get(key) ?? new Map(),
    userNames: [...users],
    groupNames: groups,
    aggregationSource(role, ruleIndex) {
      const key = `${role.name}\0${ruleIndex}`
      if (!sources.has(key)) {
        const rule = role.rules[ruleIndex]
        sources.set(key, rule ? findAggregationSource(role, rule, clusterRoles) : undefined)
      }
      return sources.get(key)
    },
  }
}

/** `team-b:{{SessionName}}` as a pattern: each `{{Variable}}` a capture of what it renders to. */
function templatePattern(template: string): { re: RegExp; variables: string[] } {
  const variables = [...template.matchAll(/\{\{([A-Za-z0-9]+)\}\}/g)].map((m) => m[1]!)
  const pattern = template
    .split(/\{\{[A-Za-z0-9]+\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(.+)')
  return { re: new RegExp(`^${pattern}$`), variables }
}

/** Turns a username template (`team-b:{{SessionName}}`) into a matcher; a plain username matches itself only. */
function usernameMatcher(username: string): (name: string) => boolean {
  if (!username.includes('{{')) return (name) => name === username
  const { re } = templatePattern(username)
  return (name) => re.test(name)
}

/**
 * The session name for which a username template renders to `username` (`team-b:{{SessionName}}` and
 * `team-b:alice` → `alice`), or undefined when the template has no session variable or cannot render to it.
 */
export function sessionNameRendering(template: string, username: string): string | undefined {
  if (!template.includes('{{')) return undefined
  const { re, variables } = templatePattern(template)
  const match = re.exec(username)
  if (!match) return undefined
  const at = variables.findIndex((v) => v === 'SessionName' || v === 'SessionNameRaw')
  return at === -1 ? undefined : match[at + 1]
}

/**
 * The subject keys an identity answers to. A username still holding a template (`{{SessionName}}`: the session name
 * is chosen by whoever assumes the role) answers to every bound User name the template can render to.
 */
export function listSubjectKeys(index: RbacIndex, identity: KubeIdentity): string[] {
  const keys: string[] = []
  const matches = usernameMatcher(identity.username)
  if (identity.username.includes('{{')) {
    for (const name of index.userNames) if (matches(name)) keys.push(subjectKey('User', name))
  } else keys.push(subjectKey('User', identity.username))
  for (const group of identity.groups) keys.push(subjectKey('Group', group))
  const sa = splitServiceAccountUsername(identity.username)
  if (sa) keys.push(subjectKey('ServiceAccount', sa.name, sa.namespace))
  return keys
}

/**
 * The bindings that apply to an identity for a request in `namespace` (undefined or '' = cluster-scoped or across
 * all namespaces): every ClusterRoleBinding naming it, then the RoleBindings naming it in that namespace — the
 * order kube-apiserver's RBAC authorizer visits them in.
 */
export function listAppliedBindings(index: RbacIndex, identity: KubeIdentity, namespace?: string): AppliedBinding[] {
  const keys = listSubjectKeys(index, identity)
  const out: AppliedBinding[] = []
  for (const key of keys) out.push(...index.clusterBindingsFor(key))
  if (namespace) for (const key of keys) out.push(...(index.roleBindingsFor(key).get(namespace) ?? []))
  return out
}
