// The RBAC pages' URLs (the scheme other features link to: findings, why-Forbidden fixes).
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { clusterPagePath } from '@/lib/queries/api-paths'

import type { CreateBindingRequest } from './rbac-binding-schema'

const seg = encodeURIComponent

/** The tabs of the RBAC page (`?tab=`). */
export const rbacTabs = ['roles', 'cluster-roles', 'role-bindings', 'cluster-role-bindings', 'subjects'] as const
export type RbacTab = (typeof rbacTabs)[number]

type Prefill = Partial<
  Pick<CreateBindingRequest, 'subjectKind' | 'subjectName' | 'namespace' | 'roleKind' | 'roleName'>
>

/** Links to every RBAC page of a cluster. */
export const rbacPaths = {
  list: (c: ClusterRef, tab?: RbacTab) => `${clusterPagePath(c, 'rbac')}${tab ? `?tab=${tab}` : ''}`,
  role: (c: ClusterRef, namespace: string, name: string) =>
    clusterPagePath(c, `rbac/roles/${seg(namespace)}/${seg(name)}`),
  clusterRole: (c: ClusterRef, name: string) => clusterPagePath(c, `rbac/cluster-roles/${seg(name)}`),
  roleBinding: (c: ClusterRef, namespace: string, name: string) =>
    clusterPagePath(c, `rbac/role-bindings/${seg(namespace)}/${seg(name)}`),
  clusterRoleBinding: (c: ClusterRef, name: string) => clusterPagePath(c, `rbac/cluster-role-bindings/${seg(name)}`),
  subject: (c: ClusterRef, kind: string, name: string, namespace?: string | null) =>
    `${clusterPagePath(c, `rbac/subjects/${seg(kind)}/${seg(name)}`)}${namespace ? `?namespace=${seg(namespace)}` : ''}`,
  /** The binding form, prefilled from `prefill` (query params subjectKind, subjectName, namespace, roleKind, roleName). */
  newBinding: (c: ClusterRef, prefill: Prefill = {}) => {
    const query = new URLSearchParams(Object.entries(prefill).filter((e): e is [string, string] => Boolean(e[1])))
    const text = query.toString()
    return `${clusterPagePath(c, 'rbac/bindings/new')}${text ? `?${text}` : ''}`
  },
}

/** The page of a role a binding references (a RoleBinding's Role lives in the binding's namespace). */
export function roleRefPath(c: ClusterRef, roleRef: { kind: string; name: string }, bindingNamespace: string | null) {
  return roleRef.kind === 'Role'
    ? rbacPaths.role(c, bindingNamespace ?? '', roleRef.name)
    : rbacPaths.clusterRole(c, roleRef.name)
}

/** The page of a binding. */
export function bindingPath(c: ClusterRef, b: { kind: string; name: string; namespace: string | null }) {
  return b.kind === 'RoleBinding'
    ? rbacPaths.roleBinding(c, b.namespace ?? '', b.name)
    : rbacPaths.clusterRoleBinding(c, b.name)
}

/** Reads the binding form's prefill from the page's query (unknown values are dropped; the form validates the rest). */
export function readBindingPrefill(query: Record<string, string | string[] | undefined>): Prefill {
  const one = (key: string) => {
    const value = query[key]
    return typeof value === 'string' && value.length <= 1024 ? value : undefined
  }
  const pick = <T extends string>(value: string | undefined, allowed: readonly T[]) =>
    allowed.includes(value as T) ? (value as T) : undefined
  const prefill: Prefill = {
    subjectKind: pick(one('subjectKind'), ['User', 'Group', 'ServiceAccount'] as const),
    subjectName: one('subjectName'),
    namespace: one('namespace'),
    roleKind: pick(one('roleKind'), ['Role', 'ClusterRole'] as const),
    roleName: one('roleName'),
  }
  return Object.fromEntries(Object.entries(prefill).filter(([, v]) => v !== undefined)) as Prefill
}
