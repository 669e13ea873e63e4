// The RBAC pages' view of one cluster's objects, computed from the resolver's index (lib/effective-access): list
// rows, the bindings that reference a role, aggregation sources, and every binding naming a subject. Pure.
import { listSelectedClusterRoles } from '@/lib/effective-access/aggregation'
import { matchesLabelSelector } from '@/lib/effective-access/label-selector'
import { buildRbacIndex, subjectKey, type RbacIndex } from '@/lib/effective-access/rbac-index'
import type { RbacBinding, RbacObjects, RbacRole, RbacSubject } from '@/lib/effective-access/rbac-model'

import type { BindingRow, RbacOverview, RoleDetail, RoleRow, SubjectDetail, SubjectRow } from './rbac-dto'

/** A subject's namespace as the authorizer reads it: a ServiceAccount's own, else the RoleBinding's. */
function subjectNamespace(subject: RbacSubject, binding: RbacBinding): string | null {
  if (subject.kind !== 'ServiceAccount') return null
  return subject.namespace || (binding.kind === 'RoleBinding' ? (binding.namespace ?? null) : null)
}

/** One binding as a list row. */
export function toBindingRow(binding: RbacBinding, index: RbacIndex): BindingRow {
  return {
    kind: binding.kind,
    name: binding.name,
    namespace: binding.namespace ?? null,
    roleRef: binding.roleRef,
    roleExists: index.roleOf(binding) !== undefined,
    subjects: binding.subjects.map((s) => ({ kind: s.kind, name: s.name, namespace: subjectNamespace(s, binding) })),
  }
}

const roleKey = (kind: string, namespace: string | null | undefined, name: string) =>
  `${kind}\0${namespace ?? ''}\0${name}`

/** How many bindings reference each role (a RoleBinding may reference a ClusterRole). */
function countBindings(objects: RbacObjects): Map<string, number> {
  const counts = new Map<string, number>()
  for (const b of [...objects.roleBindings, ...objects.clusterRoleBindings]) {
    const key =
      b.roleRef.kind === 'ClusterRole'
        ? roleKey('ClusterRole', null, b.roleRef.name)
        : roleKey('Role', b.namespace, b.roleRef.name)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

function toRoleRow(role: RbacRole, objects: RbacObjects, counts: Map<string, number>): RoleRow {
  return {
    kind: role.kind,
    name: role.name,
    namespace: role.namespace ?? null,
    ruleCount: role.rules.length,
    aggregatedFrom: role.aggregationSelectors ? listSelectedClusterRoles(role, objects.clusterRoles).length : null,
    bindingCount: counts.get(roleKey(role.kind, role.namespace, role.name)) ?? 0,
  }
}

/** Every subject named by some binding, with the number of bindings naming it. */
function listSubjects(objects: RbacObjects): SubjectRow[] {
  const rows = new Map<string, SubjectRow>()
  for (const b of [...objects.clusterRoleBindings, ...objects.roleBindings]) {
    for (const s of b.subjects) {
      const namespace = subjectNamespace(s, b)
      const key = subjectKey(s.kind, s.name, namespace ?? '')
      const row = rows.get(key) ?? { kind: s.kind, name: s.name, namespace, bindingCount: 0 }
      row.bindingCount += 1
      rows.set(key, row)
    }
  }
  return [...rows.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name))
}

/** The lists of the RBAC page. */
export function buildRbacOverview(objects: RbacObjects, truncated: string[] = []): RbacOverview {
  const index = buildRbacIndex(objects)
  const counts = countBindings(objects)
  return {
    roles: objects.roles.map((r) => toRoleRow(r, objects, counts)),
    clusterRoles: objects.clusterRoles.map((r) => toRoleRow(r, objects, counts)),
    roleBindings: objects.roleBindings.map((b) => toBindingRow(b, index)),
    clusterRoleBindings: objects.clusterRoleBindings.map((b) => toBindingRow(b, index)),
    subjects: listSubjects(objects),
    truncated,
  }
}

/** The bindings that reference a role: RoleBindings in its namespace (Role), or any binding (ClusterRole). */
function bindingsOf(role: RbacRole, objects: RbacObjects): RbacBinding[] {
  if (role.kind === 'Role') {
    return objects.roleBindings.filter(
      (b) => b.namespace === role.namespace && b.roleRef.kind === 'Role' && b.roleRef.name === role.name,
    )
  }
  return [...objects.clusterRoleBindings, ...objects.roleBindings].filter(
    (b) => b.roleRef.kind === 'ClusterRole' && b.roleRef.name === role.name,
  )
}

/** A role's detail apart from its metadata: rules with their aggregation source, selectors, sources, bindings. */
export function describeRole(role: RbacRole, objects: RbacObjects): Omit<RoleDetail, 'meta'> {
  const index = buildRbacIndex(objects)
  const aggregated = Boolean(role.aggregationSelectors)
  return {
    role: toRoleRow(role, objects, countBindings(objects)),
    rules: role.rules.map((rule, i) => ({
      rule,
      source: aggregated ? (index.aggregationSource(role, i) ?? null) : null,
    })),
    aggregation: role.aggregationSelectors
      ? {
          selectors: role.aggregationSelectors,
          sources: listSelectedClusterRoles(role, objects.clusterRoles).map((r) => r.name),
        }
      : null,
    aggregatedInto:
      role.kind === 'ClusterRole'
        ? objects.clusterRoles
            .filter(
              (other) =>
                other.name !== role.name &&
                (other.aggregationSelectors ?? []).some((s) => matchesLabelSelector(s, role.labels)),
            )
            .map((r) => r.name)
            .sort()
        : [],
    bindings: bindingsOf(role, objects).map((b) => toBindingRow(b, index)),
  }
}

/**
 * Every binding naming a subject, with the rules its role brings and where they apply. A ServiceAccount is matched
 * with its namespace (a RoleBinding's subject without one defaults to the binding's, as the authorizer reads it).
 */
export function describeSubject(
  subject: { kind: string; name: string; namespace?: string },
  objects: RbacObjects,
): SubjectDetail {
  const index = buildRbacIndex(objects)
  const key = subjectKey(subject.kind, subject.name, subject.namespace ?? '')
  const applied = [...index.clusterBindingsFor(key), ...[...index.roleBindingsFor(key).values()].flat()]
  return {
    subject: { kind: subject.kind, name: subject.name, namespace: subject.namespace ?? null },
    bindings: applied.map(({ binding, role }) => ({
      binding: toBindingRow(binding, index),
      scope: binding.kind === 'RoleBinding' ? (binding.namespace ?? null) : null,
      rules: role?.rules ?? [],
    })),
  }
}
