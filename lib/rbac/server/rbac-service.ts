import 'server-only'

import { processWide } from '@/lib/api/server/process-wide'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { buildRbacIndex } from '@/lib/effective-access/rbac-index'
import type { RbacObjects } from '@/lib/effective-access/rbac-model'
import { listRbacObjects } from '@/lib/k8s/kube-rbac'
import { getRbacObject } from '@/lib/k8s/kube-rbac-objects'

import type { BindingDetail, RbacOverview, RoleDetail, SubjectDetail } from '../rbac-dto'
import { buildRbacOverview, describeRole, describeSubject, toBindingRow } from '../rbac-views'
import { toObjectMeta, toRbacBinding, toRbacObjects, toRbacRole } from './rbac-mapping'

// A role's page lists the bindings that reference it, so every detail page reads every RBAC object of the cluster
// (10,000 bindings on a large one): pages opened within a few seconds of each other share one read. The console's own
// binding writes forget it at once; a change made elsewhere shows within this window.
const OBJECTS_TTL_MS = 5_000
// Process-wide: the binding routes that forget it are bundled apart from the routes that read it.
const cache = processWide(
  'rbac-objects-cache',
  () => new Map<string, { at: number; value: Promise<{ objects: RbacObjects; truncated: string[] }> }>(),
)

function loadObjects(ref: ClusterRef) {
  const key = `${ref.region}/${ref.name}`
  const hit = cache.get(key)
  if (hit && Date.now() - hit.at < OBJECTS_TTL_MS) return hit.value
  const value = listRbacObjects(ref).then((read) => ({ objects: toRbacObjects(read), truncated: read.truncated }))
  cache.set(key, { at: Date.now(), value })
  // A failed read is not kept: the next page asks again.
  value.catch(() => cache.delete(key))
  return value
}

/** Forgets the cluster's cached RBAC objects (after the console changed a binding). */
export function forgetRbacObjects(ref: ClusterRef): void {
  cache.delete(`${ref.region}/${ref.name}`)
}

/** Every Role, ClusterRole, RoleBinding, ClusterRoleBinding and bound subject of a cluster, read as the console. */
export async function loadRbacOverview(ref: ClusterRef): Promise<RbacOverview> {
  const { objects, truncated } = await loadObjects(ref)
  return buildRbacOverview(objects, truncated)
}

/** One Role (with `namespace`) or ClusterRole: rules, aggregation, the bindings that reference it, YAML. */
export async function loadRoleDetail(
  ref: ClusterRef,
  target: { kind: 'Role' | 'ClusterRole'; name: string; namespace?: string },
): Promise<RoleDetail> {
  const [json, { objects }] = await Promise.all([
    getRbacObject(ref, target.kind, target.name, target.namespace),
    loadObjects(ref),
  ])
  return { ...describeRole(toRbacRole(target.kind, json), objects), meta: toObjectMeta(json) }
}

/** One RoleBinding (with `namespace`) or ClusterRoleBinding: subjects, roleRef (missing or not), rules, YAML. */
export async function loadBindingDetail(
  ref: ClusterRef,
  target: { kind: 'RoleBinding' | 'ClusterRoleBinding'; name: string; namespace?: string },
): Promise<BindingDetail> {
  const [json, { objects }] = await Promise.all([
    getRbacObject(ref, target.kind, target.name, target.namespace),
    loadObjects(ref),
  ])
  const index = buildRbacIndex(objects)
  const binding = toRbacBinding(target.kind, json)
  return { binding: toBindingRow(binding, index), meta: toObjectMeta(json), rules: index.roleOf(binding)?.rules ?? [] }
}

/** Every binding naming one User, Group or ServiceAccount (with `namespace`), and the rules each brings. */
export async function loadSubjectDetail(
  ref: ClusterRef,
  subject: { kind: string; name: string; namespace?: string },
): Promise<SubjectDetail> {
  const { objects } = await loadObjects(ref)
  return describeSubject(subject, objects)
}
