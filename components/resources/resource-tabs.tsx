'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

import { isServiceAccountPath } from '@/components/layout/cluster-sections'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { cn } from '@/lib/cn'
import { clusterPagePath } from '@/lib/queries/api-paths'

import { resourcePaths } from './resource-links'

const tabs = [
  { label: 'Pods', href: resourcePaths.pods },
  { label: 'Nodes', href: resourcePaths.nodes },
  { label: 'Namespaces', href: resourcePaths.namespaces },
] as const

/** Pods / Nodes / Namespaces, marking the current kind (also on its detail pages); none on a service account page. */
export function ResourceTabs({ cluster }: { cluster: ClusterRef }) {
  const pathname = usePathname()
  // A service account page belongs to Workload identity (its breadcrumb and tab say so): no resource kind is current.
  if (isServiceAccountPath(pathname.slice(clusterPagePath(cluster).length))) return null
  return (
    <nav aria-label="Resource kinds">
      <ul className="flex gap-1 rounded-lg bg-zinc-100 p-1 text-sm dark:bg-zinc-800/60">
        {tabs.map((tab) => {
          const href = tab.href(cluster)
          const current = pathname === href || pathname.startsWith(`${href}/`)
          return (
            <li key={tab.label}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'inline-block rounded-md px-3 py-1.5 font-medium',
                  current
                    ? 'bg-white text-zinc-900 shadow-sm dark:bg-zinc-900 dark:text-zinc-100'
                    : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
                )}
              >
                {tab.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
