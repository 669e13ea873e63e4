'use client'

import Link from 'next/link'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { cn } from '@/lib/cn'
import { rbacPaths, type RbacTab } from '@/lib/rbac/rbac-paths'

const labels: Record<RbacTab, string> = {
  roles: 'Roles',
  'cluster-roles': 'ClusterRoles',
  'role-bindings': 'RoleBindings',
  'cluster-role-bindings': 'ClusterRoleBindings',
  subjects: 'Subjects',
}

/** The RBAC kinds as tabs (links: each is a deep link, `?tab=`), with the number of objects of each. */
export function RbacTabs({
  cluster,
  current,
  counts,
}: {
  cluster: ClusterRef
  current: RbacTab
  counts: Partial<Record<RbacTab, number>>
}) {
  return (
    <nav aria-label="RBAC kinds">
      <ul className="flex flex-wrap gap-1 rounded-lg bg-zinc-100 p-1 text-sm dark:bg-zinc-800/60">
        {(Object.keys(labels) as RbacTab[]).map((tab) => (
          <li key={tab}>
            <Link
              href={rbacPaths.list(cluster, tab)}
              aria-current={tab === current ? 'page' : undefined}
              className={cn(
                'inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 font-medium',
                tab === current
                  ? 'bg-white text-zinc-900 shadow-sm dark:bg-zinc-900 dark:text-zinc-100'
                  : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
              )}
            >
              {labels[tab]}
              {counts[tab] === undefined ? null : (
                <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{counts[tab]}</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
