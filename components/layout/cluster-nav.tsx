'use client'

import { usePathname } from 'next/navigation'
import { useEffect, useRef } from 'react'

import { IntentPrefetchLink } from '@/components/ui/intent-prefetch-link'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { cn } from '@/lib/cn'
import { clusterPagePath } from '@/lib/queries/api-paths'

import { clusterSections, currentClusterSection } from './cluster-sections'

/** The cluster sub-navigation, marking the current section with aria-current. */
export function ClusterNav({ cluster }: { cluster: ClusterRef }) {
  const pathname = usePathname()
  const clusterPath = clusterPagePath(cluster)
  const section = pathname.startsWith(clusterPath)
    ? currentClusterSection(pathname.slice(clusterPath.length))
    : undefined
  const list = useRef<HTMLUListElement>(null)
  // On a narrow window the tabs scroll sideways; the current one must not sit hidden past the edge.
  useEffect(() => {
    const current = list.current?.querySelector<HTMLElement>('[aria-current="page"]')
    const box = list.current
    if (!current || !box) return
    const rect = current.getBoundingClientRect()
    // Whole pixels outward: the tab's edges fall between pixels, and a fraction cut off still hides its border.
    const start = rect.left - box.getBoundingClientRect().left + box.scrollLeft
    const left = Math.floor(start)
    const right = Math.ceil(start + rect.width)
    if (left < box.scrollLeft) box.scrollLeft = left
    else if (right > box.scrollLeft + box.clientWidth) box.scrollLeft = right - box.clientWidth
  }, [pathname])
  return (
    <nav aria-label="Cluster sections" className="border-b border-zinc-200 dark:border-zinc-800">
      <ul ref={list} className="-mb-px flex gap-1 overflow-x-auto">
        {clusterSections.map(({ segment, label, ready }) => {
          const href = clusterPagePath(cluster, segment)
          const current = segment === section && (segment !== undefined || pathname === href)
          const base = 'inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm whitespace-nowrap'
          return (
            <li key={label}>
              {ready ? (
                <IntentPrefetchLink
                  href={href}
                  aria-current={current ? 'page' : undefined}
                  className={cn(
                    base,
                    current
                      ? 'border-sky-600 font-medium text-zinc-900 dark:border-sky-400 dark:text-zinc-100'
                      : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
                  )}
                >
                  {label}
                </IntentPrefetchLink>
              ) : (
                <span
                  aria-disabled="true"
                  className={cn(base, 'cursor-not-allowed border-transparent text-zinc-400 dark:text-zinc-500')}
                >
                  {label}
                  <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] font-medium tracking-wide uppercase dark:bg-zinc-800">
                    coming soon
                  </span>
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
