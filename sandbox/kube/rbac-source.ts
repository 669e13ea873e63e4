// The RBAC objects the authorizer reads, behind an interface so the pure authorizer works on plain arrays in unit
// tests and on the store's sorted collections in the server.
import type { ClusterStore } from './cluster-store'
import { buildStorageKey } from './resources'
import type { KubeObject, PolicyRule } from './types'

export interface Subject {
  kind: 'User' | 'Group' | 'ServiceAccount'
  name: string
  namespace?: string
  apiGroup?: string
}

export interface RoleRef {
  apiGroup: string
  kind: 'Role' | 'ClusterRole'
  name: string
}

export interface Binding {
  metadata: { name: string; namespace?: string }
  subjects?: Subject[]
  roleRef: RoleRef
}

export interface RoleObject {
  metadata: { name: string; namespace?: string; labels?: Record<string, string> }
  rules?: PolicyRule[] | null
}

/** Read access to the RBAC objects of one cluster. */
export interface RbacSource {
  clusterRoleBindings(): Iterable<Binding>
  roleBindings(namespace: string): Iterable<Binding>
  clusterRole(name: string): RoleObject | undefined
  role(namespace: string, name: string): RoleObject | undefined
}

const RBAC = 'rbac.authorization.k8s.io'

/** An RbacSource over plain arrays (tests, small worlds). */
export function createArrayRbacSource(objs: {
  clusterRoles?: RoleObject[]
  roles?: RoleObject[]
  clusterRoleBindings?: Binding[]
  roleBindings?: Binding[]
}): RbacSource {
  return {
    clusterRoleBindings: () => objs.clusterRoleBindings ?? [],
    roleBindings: (ns) => (objs.roleBindings ?? []).filter((b) => b.metadata.namespace === ns),
    clusterRole: (name) => objs.clusterRoles?.find((r) => r.metadata.name === name),
    role: (ns, name) => objs.roles?.find((r) => r.metadata.namespace === ns && r.metadata.name === name),
  }
}

/** An RbacSource reading a cluster store (namespaced bindings are a contiguous range: no full scan). */
export function createStoreRbacSource(store: ClusterStore): RbacSource {
  const asBinding = (o: KubeObject) => o as unknown as Binding
  const asRole = (o: KubeObject | undefined) => o as unknown as RoleObject | undefined
  return {
    clusterRoleBindings: () =>
      [...store.collection(buildStorageKey(RBAC, 'clusterrolebindings')).iterate()].map(asBinding),
    roleBindings: (ns) => [...store.collection(buildStorageKey(RBAC, 'rolebindings')).iterate(ns)].map(asBinding),
    clusterRole: (name) => asRole(store.get(buildStorageKey(RBAC, 'clusterroles'), undefined, name)),
    role: (ns, name) => asRole(store.get(buildStorageKey(RBAC, 'roles'), ns, name)),
  }
}
