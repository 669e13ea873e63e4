import 'server-only'

import { stringify } from 'yaml'

import type { LabelSelector, RbacBinding, RbacObjects, RbacRole } from '@/lib/effective-access/rbac-model'
import type { KubeRbacObjects } from '@/lib/k8s/kube-rbac'
import type { KubeRbacObjectJson } from '@/lib/k8s/kube-rbac-objects'

import type { RoleDetail } from '../rbac-dto'

// The adapter's whole-cluster shapes are the resolver's model already; the mapping only narrows the kinds.
/** The adapter's RBAC objects as the resolver's model (lib/effective-access/rbac-model.ts). */
export function toRbacObjects(objects: KubeRbacObjects): RbacObjects {
  return {
    roles: objects.roles,
    clusterRoles: objects.clusterRoles,
    roleBindings: objects.roleBindings,
    clusterRoleBindings: objects.clusterRoleBindings,
  }
}

/** One fetched Role or ClusterRole as the model's role. */
export function toRbacRole(kind: RbacRole['kind'], json: KubeRbacObjectJson): RbacRole {
  return {
    kind,
    name: json.metadata?.name ?? '',
    ...(json.metadata?.namespace ? { namespace: json.metadata.namespace } : {}),
    labels: json.metadata?.labels ?? {},
    rules: (json.rules ?? []).map((r) => ({ ...r, verbs: r.verbs ?? [] })),
    ...(json.aggregationRule
      ? { aggregationSelectors: (json.aggregationRule.clusterRoleSelectors ?? []) as LabelSelector[] }
      : {}),
  }
}

/** One fetched RoleBinding or ClusterRoleBinding as the model's binding. */
export function toRbacBinding(kind: RbacBinding['kind'], json: KubeRbacObjectJson): RbacBinding {
  return {
    kind,
    name: json.metadata?.name ?? '',
    ...(json.metadata?.namespace ? { namespace: json.metadata.namespace } : {}),
    roleRef: { kind: json.roleRef?.kind ?? '', name: json.roleRef?.name ?? '' },
    subjects: (json.subjects ?? []).map((s) => ({
      kind: s.kind ?? '',
      name: s.name ?? '',
      ...(s.namespace ? { namespace: s.namespace } : {}),
    })),
  }
}

/** The metadata a detail page shows, and the object as YAML without managedFields (as `kubectl get -o yaml`). */
export function toObjectMeta(json: KubeRbacObjectJson): RoleDetail['meta'] {
  const { managedFields: _managed, ...metadata } = json.metadata ?? {}
  return {
    uid: metadata.uid ?? null,
    resourceVersion: metadata.resourceVersion ?? null,
    createdAt: metadata.creationTimestamp ?? null,
    labels: metadata.labels ?? {},
    annotations: metadata.annotations ?? {},
    // Keys sorted as kubectl prints them (it writes YAML from the JSON object, whose map keys come out in order).
    yaml: stringify({ ...json, metadata }, { lineWidth: 0, sortMapEntries: true }),
  }
}
