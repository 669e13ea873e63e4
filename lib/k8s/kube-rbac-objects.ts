import 'server-only'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { callKube, type KubeAction } from './kube-clients'
import { getKubeJson } from './kube-raw'

/** The four RBAC kinds. */
export type KubeRbacKind = 'Role' | 'ClusterRole' | 'RoleBinding' | 'ClusterRoleBinding'

const PLURAL: Record<KubeRbacKind, string> = {
  Role: 'roles',
  ClusterRole: 'clusterroles',
  RoleBinding: 'rolebindings',
  ClusterRoleBinding: 'clusterrolebindings',
}
const GROUP = 'rbac.authorization.k8s.io'

/** One RBAC object as the API server sends it (JSON, not client-node's models: dates stay strings for the YAML). */
export type KubeRbacObjectJson = {
  apiVersion?: string
  kind?: string
  metadata?: {
    name?: string
    namespace?: string
    uid?: string
    resourceVersion?: string
    creationTimestamp?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
    managedFields?: unknown
  }
  rules?:
    | {
        verbs: string[]
        apiGroups?: string[]
        resources?: string[]
        resourceNames?: string[]
        nonResourceURLs?: string[]
      }[]
    | null
  aggregationRule?: { clusterRoleSelectors?: unknown[] | null } | null
  roleRef?: { apiGroup?: string; kind?: string; name?: string }
  subjects?: { apiGroup?: string; kind?: string; name?: string; namespace?: string }[] | null
}

const action = (verb: string, kind: KubeRbacKind, namespace?: string, name?: string): KubeAction => ({
  verb,
  resource: PLURAL[kind],
  group: GROUP,
  ...(namespace ? { namespace } : {}),
  ...(name ? { name } : {}),
})

function objectPath(kind: KubeRbacKind, namespace: string | undefined, name: string): string {
  const ns = kind === 'Role' || kind === 'RoleBinding' ? `namespaces/${encodeURIComponent(namespace ?? '')}/` : ''
  return `/apis/${GROUP}/v1/${ns}${PLURAL[kind]}/${encodeURIComponent(name)}`
}

/** GET one Role, ClusterRole, RoleBinding or ClusterRoleBinding (a 404 is a `not_found` ConsoleError). */
export function getRbacObject(
  ref: ClusterRef,
  kind: KubeRbacKind,
  name: string,
  namespace?: string,
): Promise<KubeRbacObjectJson> {
  return getKubeJson<KubeRbacObjectJson>(ref, action('get', kind, namespace, name), objectPath(kind, namespace, name))
}

/** A binding to create: one role, its subjects, and the annotations the console records on it. */
export type KubeBindingSpec = {
  kind: 'RoleBinding' | 'ClusterRoleBinding'
  name: string
  namespace?: string
  roleRef: { kind: 'Role' | 'ClusterRole'; name: string }
  subjects: { kind: 'User' | 'Group' | 'ServiceAccount'; name: string; namespace?: string }[]
  annotations?: Record<string, string>
}

/** What the API server stored. */
export type KubeCreatedBinding = { uid: string; resourceVersion: string }

/**
 * Creates a RoleBinding or ClusterRoleBinding as the console. The API server applies RBAC escalation prevention
 * (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#restrictions-on-role-binding-creation-or-update):
 * without `bind` on the role, the console's identity must hold every permission the role grants.
 */
export async function createRbacBinding(ref: ClusterRef, spec: KubeBindingSpec): Promise<KubeCreatedBinding> {
  const body = {
    metadata: {
      name: spec.name,
      ...(spec.kind === 'RoleBinding' ? { namespace: spec.namespace } : {}),
      ...(spec.annotations ? { annotations: spec.annotations } : {}),
    },
    roleRef: { apiGroup: GROUP, kind: spec.roleRef.kind, name: spec.roleRef.name },
    // Users and groups are in the RBAC API group; a ServiceAccount in the core group, with its namespace.
    subjects: spec.subjects.map((s) =>
      s.kind === 'ServiceAccount'
        ? { apiGroup: '', kind: s.kind, name: s.name, namespace: s.namespace }
        : { apiGroup: GROUP, kind: s.kind, name: s.name },
    ),
  }
  const created = await callKube(ref, action('create', spec.kind, spec.namespace), (k) =>
    spec.kind === 'RoleBinding'
      ? k.rbac.createNamespacedRoleBinding({ namespace: spec.namespace ?? '', body })
      : k.rbac.createClusterRoleBinding({ body }),
  )
  return { uid: created.metadata?.uid ?? '', resourceVersion: created.metadata?.resourceVersion ?? '' }
}

/**
 * Deletes one binding only if it is still the object the caller read: DeleteOptions preconditions (uid,
 * resourceVersion) make the API server answer 409 Conflict otherwise
 * (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/delete-options/).
 */
export async function deleteRbacBinding(
  ref: ClusterRef,
  target: { kind: 'RoleBinding' | 'ClusterRoleBinding'; name: string; namespace?: string },
  preconditions: { uid?: string; resourceVersion?: string },
): Promise<void> {
  const body = { preconditions }
  await callKube(ref, action('delete', target.kind, target.namespace, target.name), (k) =>
    target.kind === 'RoleBinding'
      ? k.rbac.deleteNamespacedRoleBinding({ namespace: target.namespace ?? '', name: target.name, body })
      : k.rbac.deleteClusterRoleBinding({ name: target.name, body }),
  )
}
