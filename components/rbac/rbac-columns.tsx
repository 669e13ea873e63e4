'use client'

import type { ColumnDef } from '@tanstack/react-table'
import Link from 'next/link'

import { TimeLeft } from '@/components/time-bound/time-left'
import { Badge } from '@/components/ui/badge'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { BindingRow, RoleRow, SubjectRow } from '@/lib/rbac/rbac-dto'
import { bindingPath, rbacPaths } from '@/lib/rbac/rbac-paths'
import type { TimeBoundGrantDto } from '@/lib/time-bound/time-bound-dto'

import { linkClass, RoleRefLink, SubjectLink } from './rbac-links'

const namespaceColumn = <T extends { namespace: string | null }>(): ColumnDef<T> => ({
  id: 'namespace',
  header: 'Namespace',
  accessorFn: (row) => row.namespace ?? '',
})

/** Roles or ClusterRoles. */
export function buildRoleColumns(cluster: ClusterRef, namespaced: boolean): ColumnDef<RoleRow>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      accessorKey: 'name',
      cell: ({ row: { original: r } }) => (
        <Link
          prefetch={false}
          className={`${linkClass} font-mono text-xs`}
          href={r.namespace ? rbacPaths.role(cluster, r.namespace, r.name) : rbacPaths.clusterRole(cluster, r.name)}
        >
          {r.name}
        </Link>
      ),
    },
    ...(namespaced ? [namespaceColumn<RoleRow>()] : []),
    { id: 'rules', header: 'Rules', accessorKey: 'ruleCount' },
    {
      id: 'aggregation',
      header: 'Aggregation',
      accessorFn: (r) => r.aggregatedFrom ?? -1,
      cell: ({ row: { original: r } }) =>
        r.aggregatedFrom === null ? (
          <span className="text-zinc-500 dark:text-zinc-400">—</span>
        ) : (
          <Badge tone="blue">aggregated from {r.aggregatedFrom}</Badge>
        ),
    },
    { id: 'bindings', header: 'Bindings', accessorKey: 'bindingCount' },
  ]
}

/** RoleBindings or ClusterRoleBindings; `grants` are the cluster's time-bound grants (the time-left column). */
export function buildBindingColumns(
  cluster: ClusterRef,
  namespaced: boolean,
  grantsOf: (b: BindingRow) => TimeBoundGrantDto[],
  now: Date,
): ColumnDef<BindingRow>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      accessorKey: 'name',
      cell: ({ row: { original: b } }) => (
        <Link prefetch={false} className={`${linkClass} font-mono text-xs`} href={bindingPath(cluster, b)}>
          {b.name}
        </Link>
      ),
    },
    ...(namespaced ? [namespaceColumn<BindingRow>()] : []),
    {
      id: 'role',
      header: 'Role',
      accessorFn: (b) => `${b.roleRef.kind} ${b.roleRef.name}`,
      cell: ({ row: { original: b } }) => <RoleRefLink cluster={cluster} binding={b} />,
    },
    {
      id: 'subjects',
      header: 'Subjects',
      enableSorting: false,
      cell: ({ row: { original: b } }) => (
        <span className="flex gap-3 overflow-hidden">
          {b.subjects.slice(0, 3).map((s) => (
            <SubjectLink key={`${s.kind}/${s.namespace}/${s.name}`} cluster={cluster} subject={s} />
          ))}
          {b.subjects.length > 3 ? (
            <span className="text-xs text-zinc-500 dark:text-zinc-400">+{b.subjects.length - 3} more</span>
          ) : null}
        </span>
      ),
    },
    {
      id: 'time-left',
      header: 'Time left',
      enableSorting: false,
      cell: ({ row: { original: b } }) => <TimeLeft grants={grantsOf(b)} now={now} />,
    },
  ]
}

/** Every User, Group and ServiceAccount some binding names. */
export function buildSubjectColumns(cluster: ClusterRef): ColumnDef<SubjectRow>[] {
  return [
    { id: 'kind', header: 'Kind', accessorKey: 'kind', cell: ({ row: { original: s } }) => <Badge>{s.kind}</Badge> },
    {
      id: 'name',
      header: 'Name',
      accessorKey: 'name',
      cell: ({ row: { original: s } }) => (
        <Link
          prefetch={false}
          className={`${linkClass} font-mono text-xs`}
          href={rbacPaths.subject(cluster, s.kind, s.name, s.namespace)}
        >
          {s.name}
        </Link>
      ),
    },
    namespaceColumn<SubjectRow>(),
    { id: 'bindings', header: 'Bindings', accessorKey: 'bindingCount' },
  ]
}
