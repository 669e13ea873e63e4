'use client'

import type { ColumnDef, SortingState } from '@tanstack/react-table'
import { useMemo } from 'react'

import { VirtualTable } from '@/components/resources/virtual-table'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { BindingRow, RbacOverview } from '@/lib/rbac/rbac-dto'
import type { RbacTab } from '@/lib/rbac/rbac-paths'
import type { TimeBoundGrantDto } from '@/lib/time-bound/time-bound-dto'

import { buildBindingColumns, buildRoleColumns, buildSubjectColumns } from './rbac-columns'

type Row = { name: string; namespace: string | null; kind?: string }

const nouns: Record<RbacTab, string> = {
  roles: 'Roles',
  'cluster-roles': 'ClusterRoles',
  'role-bindings': 'RoleBindings',
  'cluster-role-bindings': 'ClusterRoleBindings',
  subjects: 'Subjects',
}

/** The time-bound grants that created this binding (matched by kind, namespace and name). */
function grantsFor(grants: TimeBoundGrantDto[]) {
  return (b: BindingRow) =>
    grants.filter(
      (g) =>
        g.addition.kind === 'role-binding' &&
        g.addition.bindingKind === b.kind &&
        g.addition.name === b.name &&
        (g.addition.namespace ?? null) === b.namespace,
    )
}

/** One tab's rows, filtered, in a virtualized table (all rows are loaded: the filter and sort are client-side). */
export function RbacTable({
  cluster,
  tab,
  data,
  filter,
  grants,
  now,
  sorting,
  onSortingChange,
}: {
  cluster: ClusterRef
  tab: RbacTab
  data: RbacOverview
  filter: { q: string; ns: string }
  grants: TimeBoundGrantDto[]
  now: Date
  sorting: SortingState
  onSortingChange: (next: SortingState) => void
}) {
  const { rows, columns } = useMemo(() => {
    const byGrant = grantsFor(grants)
    const pick = (): { rows: Row[]; columns: ColumnDef<never>[] } => {
      switch (tab) {
        case 'roles':
          return { rows: data.roles, columns: buildRoleColumns(cluster, true) as ColumnDef<never>[] }
        case 'cluster-roles':
          return { rows: data.clusterRoles, columns: buildRoleColumns(cluster, false) as ColumnDef<never>[] }
        case 'role-bindings':
          return {
            rows: data.roleBindings,
            columns: buildBindingColumns(cluster, true, byGrant, now) as ColumnDef<never>[],
          }
        case 'cluster-role-bindings':
          return {
            rows: data.clusterRoleBindings,
            columns: buildBindingColumns(cluster, false, byGrant, now) as ColumnDef<never>[],
          }
        case 'subjects':
          return { rows: data.subjects, columns: buildSubjectColumns(cluster) as ColumnDef<never>[] }
      }
    }
    const picked = pick()
    const q = filter.q.toLowerCase()
    return {
      columns: picked.columns as ColumnDef<Row>[],
      rows: picked.rows.filter(
        (r) => (!q || r.name.toLowerCase().includes(q)) && (!filter.ns || r.namespace === filter.ns),
      ),
    }
  }, [tab, data, cluster, grants, now, filter.q, filter.ns])

  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        {filter.q || filter.ns ? `No ${nouns[tab]} match the filter.` : `This cluster has no ${nouns[tab]}.`}
      </p>
    )
  }
  return (
    <>
      <p className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {rows.length} {nouns[tab]}
      </p>
      <VirtualTable
        caption={nouns[tab]}
        columns={columns}
        rows={rows}
        getRowId={(r) => `${r.kind ?? ''}/${r.namespace ?? ''}/${r.name}`}
        sorting={sorting}
        onSortingChange={onSortingChange}
        hasMore={false}
        loadingMore={false}
        onLoadMore={() => undefined}
      />
    </>
  )
}
