'use client'

import { useQuery } from '@tanstack/react-query'
import type { SortingState } from '@tanstack/react-table'
import { Plus } from 'lucide-react'
import Link from 'next/link'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useMemo, useState } from 'react'

import { DebouncedInput } from '@/components/resources/debounced-input'
import { useNow } from '@/components/time-bound/use-now'
import { Alert } from '@/components/ui/alert'
import { buttonClasses } from '@/components/ui/button'
import { FilterField, FilterSelect } from '@/components/ui/filter-fields'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { hasRole } from '@/lib/auth/console-role'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { whoamiQuery } from '@/lib/queries/cluster-queries'
import { rbacOverviewQuery } from '@/lib/queries/rbac-queries'
import { timeBoundGrantsQuery } from '@/lib/queries/time-bound-queries'
import { rbacPaths, rbacTabs, type RbacTab } from '@/lib/rbac/rbac-paths'

import { RbacTable } from './rbac-table'
import { RbacTabs } from './rbac-tabs'

const NAMESPACED: ReadonlySet<RbacTab> = new Set(['roles', 'role-bindings', 'subjects'])

/** The URL's tab, name filter and namespace filter (each view is a deep link). */
function useRbacUrl() {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const raw = params.get('tab')
  const tab: RbacTab = rbacTabs.includes(raw as RbacTab) ? (raw as RbacTab) : 'roles'
  const set = useCallback(
    (key: 'q' | 'ns', value: string) => {
      // The URL as it is now, not as this render saw it: a filter committed while a tab change is still navigating
      // must keep the new tab.
      const next = new URLSearchParams(window.location.search)
      if (value) next.set(key, value)
      else next.delete(key)
      router.replace(`${pathname}?${next.toString()}`, { scroll: false })
    },
    [pathname, router],
  )
  return { tab, q: params.get('q') ?? '', ns: params.get('ns') ?? '', set }
}

/** The RBAC section: Roles, ClusterRoles, RoleBindings, ClusterRoleBindings and Subjects, filtered by name and namespace. */
export function RbacPage({ cluster }: { cluster: ClusterRef }) {
  const { tab, q, ns, set } = useRbacUrl()
  const { data, error, refetch } = useQuery(rbacOverviewQuery(cluster))
  const { data: timeBound } = useQuery(timeBoundGrantsQuery(cluster))
  const { data: whoami } = useQuery(whoamiQuery())
  const [sorting, setSorting] = useState<SortingState>([])
  const now = useNow(15_000)
  const namespaces = useMemo(() => {
    const all = new Set<string>()
    for (const row of [...(data?.roles ?? []), ...(data?.roleBindings ?? [])]) if (row.namespace) all.add(row.namespace)
    return [...all].sort()
  }, [data])
  const setQ = useCallback((value: string) => set('q', value), [set])
  const counts = data
    ? {
        roles: data.roles.length,
        'cluster-roles': data.clusterRoles.length,
        'role-bindings': data.roleBindings.length,
        'cluster-role-bindings': data.clusterRoleBindings.length,
        subjects: data.subjects.length,
      }
    : {}

  return (
    <section aria-labelledby="rbac-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="rbac-heading" className="text-lg font-semibold">
          RBAC
        </h2>
        {hasRole(whoami?.role ?? 'viewer', 'editor') ? (
          <Link className={buttonClasses('primary')} href={rbacPaths.newBinding(cluster)}>
            <Plus aria-hidden="true" className="size-4" /> Create binding
          </Link>
        ) : null}
      </div>
      <RbacTabs cluster={cluster} current={tab} counts={counts} />
      <div role="search" aria-label="Filter RBAC objects" className="grid gap-3 sm:grid-cols-2">
        <FilterField id="rbac-search" label="Name contains">
          <DebouncedInput id="rbac-search" type="search" placeholder="Name contains…" value={q} onCommit={setQ} />
        </FilterField>
        {NAMESPACED.has(tab) ? (
          <FilterSelect
            id="rbac-namespace"
            label="Namespace"
            allLabel="All namespaces"
            options={namespaces}
            value={ns}
            onChange={(value) => set('ns', value)}
          />
        ) : null}
      </div>
      {data?.truncated.length ? (
        <Alert variant="warning" title="Some objects were not read">
          More than 50,000 {data.truncated.join(', ')}: the lists show the first 50,000.
        </Alert>
      ) : null}
      {error ? (
        <QueryError error={error} what="RBAC objects" onRetry={() => void refetch()} />
      ) : !data ? (
        <div aria-busy="true" aria-label="Loading RBAC objects" className="space-y-2">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : (
        <RbacTable
          cluster={cluster}
          tab={tab}
          data={data}
          filter={{ q, ns: NAMESPACED.has(tab) ? ns : '' }}
          grants={timeBound?.grants ?? []}
          now={now}
          sorting={sorting}
          onSortingChange={setSorting}
        />
      )}
    </section>
  )
}
