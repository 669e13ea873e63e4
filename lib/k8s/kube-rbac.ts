import 'server-only'

import type { V1ClusterRoleBinding, V1RoleBinding } from '@kubernetes/client-node'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { callKube, type KubeAction } from './kube-clients'
import { collectPages, type Page, type PageRequest } from './kube-lists'
import { listAllNamespaceNames } from './kube-namespaces'
import { listKubeItems } from './kube-raw'

type ListMeta = { _continue?: string }
const toPage = <T>(list: { items: T[]; metadata?: ListMeta }): Page<T> => ({
  items: list.items,
  ...(list.metadata?._continue ? { continue: list.metadata._continue } : {}),
})

/** One page of ClusterRoleBindings. */
export async function listClusterRoleBindings(
  ref: ClusterRef,
  page: PageRequest = {},
): Promise<Page<V1ClusterRoleBinding>> {
  const action = { verb: 'list', resource: 'clusterrolebindings', group: 'rbac.authorization.k8s.io' }
  return toPage(
    await callKube(ref, action, (k) => k.rbac.listClusterRoleBinding({ limit: page.limit, _continue: page.continue })),
  )
}

/** One page of RoleBindings across all namespaces. */
export async function listRoleBindings(ref: ClusterRef, page: PageRequest = {}): Promise<Page<V1RoleBinding>> {
  const action = { verb: 'list', resource: 'rolebindings', group: 'rbac.authorization.k8s.io' }
  return toPage(
    await callKube(ref, action, (k) =>
      k.rbac.listRoleBindingForAllNamespaces({ limit: page.limit, _continue: page.continue }),
    ),
  )
}

/**
 * What the access-entry grant form checks against (lib/access-entries KubernetesContextSource): namespace names, and
 * the groups that some RoleBinding or ClusterRoleBinding names — a group bound to nothing grants nothing via RBAC.
 */
export async function loadNamespacesAndBoundGroups(
  ref: ClusterRef,
): Promise<{ namespaces: string[]; boundGroups: string[] }> {
  const [namespaces, clusterBindings, bindings] = await Promise.all([
    // Up to 5,000 names; beyond that the form's "does not exist" warning may name one that does (clusters have hundreds).
    listAllNamespaceNames(ref, { max: 5_000 }),
    collectPages((page) => listClusterRoleBindings(ref, page)),
    collectPages((page) => listRoleBindings(ref, page)),
  ])
  const groups = new Set<string>()
  for (const binding of [...clusterBindings.items, ...bindings.items]) {
    for (const subject of binding.subjects ?? []) if (subject.kind === 'Group') groups.add(subject.name)
  }
  return {
    namespaces: namespaces.names,
    boundGroups: [...groups].sort(),
  }
}

// ---- Whole-cluster RBAC reads, as small adapter-owned shapes (the effective-access resolver maps them) ----

/** One PolicyRule as the API server stores it. */
export type KubeRbacRule = {
  verbs: string[]
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

/** A label selector of an aggregation rule (metav1.LabelSelector). */
export type KubeLabelSelector = {
  matchLabels?: Record<string, string>
  matchExpressions?: { key: string; operator: string; values?: string[] }[]
}

/** A Role or ClusterRole: name, labels, rules and (ClusterRoles only) the aggregation rule's selectors. */
export type KubeRbacRole = {
  kind: 'Role' | 'ClusterRole'
  name: string
  namespace?: string
  labels: Record<string, string>
  rules: KubeRbacRule[]
  aggregationSelectors?: KubeLabelSelector[]
}

/** A RoleBinding or ClusterRoleBinding. */
export type KubeRbacBinding = {
  kind: 'RoleBinding' | 'ClusterRoleBinding'
  name: string
  namespace?: string
  roleRef: { kind: string; name: string }
  subjects: { kind: string; name: string; namespace?: string }[]
}

/** Every RBAC object of a cluster; `truncated` names the kinds that had more than the cap. */
export type KubeRbacObjects = {
  roles: KubeRbacRole[]
  clusterRoles: KubeRbacRole[]
  roleBindings: KubeRbacBinding[]
  clusterRoleBindings: KubeRbacBinding[]
  truncated: string[]
}

type RawMeta = { name?: string; namespace?: string; labels?: Record<string, string> }
type RawRole = {
  metadata?: RawMeta
  rules?: KubeRbacRule[] | null
  aggregationRule?: { clusterRoleSelectors?: KubeLabelSelector[] | null } | null
}
type RawBinding = {
  metadata?: RawMeta
  roleRef?: { kind?: string; name?: string }
  subjects?: { kind?: string; name?: string; namespace?: string }[] | null
}

const RBAC_PATH = '/apis/rbac.authorization.k8s.io/v1/'
const PAGE_SIZE = 500

function projectRule(rule: KubeRbacRule): KubeRbacRule {
  return {
    verbs: rule.verbs ?? [],
    ...(rule.apiGroups ? { apiGroups: rule.apiGroups } : {}),
    ...(rule.resources ? { resources: rule.resources } : {}),
    ...(rule.resourceNames?.length ? { resourceNames: rule.resourceNames } : {}),
    ...(rule.nonResourceURLs ? { nonResourceURLs: rule.nonResourceURLs } : {}),
  }
}

function projectRole(kind: KubeRbacRole['kind']) {
  return (raw: RawRole): KubeRbacRole => ({
    kind,
    name: raw.metadata?.name ?? '',
    ...(raw.metadata?.namespace ? { namespace: raw.metadata.namespace } : {}),
    labels: raw.metadata?.labels ?? {},
    rules: (raw.rules ?? []).map(projectRule),
    ...(raw.aggregationRule ? { aggregationSelectors: raw.aggregationRule.clusterRoleSelectors ?? [] } : {}),
  })
}

function projectBinding(kind: KubeRbacBinding['kind']) {
  return (raw: RawBinding): KubeRbacBinding => ({
    kind,
    name: raw.metadata?.name ?? '',
    ...(raw.metadata?.namespace ? { namespace: raw.metadata.namespace } : {}),
    roleRef: { kind: raw.roleRef?.kind ?? '', name: raw.roleRef?.name ?? '' },
    subjects: (raw.subjects ?? []).map((s) => ({
      kind: s.kind ?? '',
      name: s.name ?? '',
      ...(s.namespace ? { namespace: s.namespace } : {}),
    })),
  })
}

/** Every item of one cluster-wide RBAC collection, page by page (`limit`/`continue`), up to `max`. */
async function listAllOf<Raw, Row>(
  ref: ClusterRef,
  resource: string,
  project: (raw: Raw) => Row,
  max: number,
): Promise<{ items: Row[]; truncated: boolean }> {
  const action: KubeAction = { verb: 'list', resource, group: 'rbac.authorization.k8s.io' }
  const items: Row[] = []
  let next: string | undefined
  do {
    // The items are projected as they arrive (kube-raw.ts), so 10,000 bindings never exist as full objects at once.
    const page = await listKubeItems(ref, action, RBAC_PATH + resource, { limit: PAGE_SIZE, continue: next }, project)
    items.push(...page.items)
    next = page.metadata?.continue || undefined
  } while (next && items.length < max)
  return { items: items.slice(0, max), truncated: Boolean(next) || items.length > max }
}

/**
 * Every Role, ClusterRole, RoleBinding and ClusterRoleBinding of a cluster (each kind capped at `max`, default
 * 50,000), read in parallel as the console.
 */
export async function listRbacObjects(ref: ClusterRef, options: { max?: number } = {}): Promise<KubeRbacObjects> {
  const max = options.max ?? 50_000
  const [roles, clusterRoles, roleBindings, clusterRoleBindings] = await Promise.all([
    listAllOf(ref, 'roles', projectRole('Role'), max),
    listAllOf(ref, 'clusterroles', projectRole('ClusterRole'), max),
    listAllOf(ref, 'rolebindings', projectBinding('RoleBinding'), max),
    listAllOf(ref, 'clusterrolebindings', projectBinding('ClusterRoleBinding'), max),
  ])
  const all = { roles, clusterRoles, roleBindings, clusterRoleBindings }
  return {
    roles: roles.items,
    clusterRoles: clusterRoles.items,
    roleBindings: roleBindings.items,
    clusterRoleBindings: clusterRoleBindings.items,
    truncated: Object.entries(all)
      .filter(([, list]) => list.truncated)
      .map(([kind]) => kind),
  }
}
