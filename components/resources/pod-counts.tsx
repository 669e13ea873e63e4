'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { createContext, useContext } from 'react'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { podCountsQuery } from '@/lib/queries/resource-queries'
import type { PodCounts } from '@/lib/resources/resource-dto'

/** Pod counts of the rows on screen, fetched per visible window (never for every row of a long list). */
export const PodCountsContext = createContext<PodCounts['counts'] | undefined>(undefined)

/** Fetches counts for the named rows (the visible window, rounded to blocks of 40 so scrolling reuses queries). */
export function useVisiblePodCounts(cluster: ClusterRef, by: 'namespaces' | 'nodes', names: string[]) {
  const { data } = useQuery(podCountsQuery(cluster, by, names))
  return data?.counts
}

/** The count cell: a number linking to the filtered Pods list, "…" while loading, a lock note when forbidden. */
export function PodCountCell({ name, href }: { name: string; href: string }) {
  const counts = useContext(PodCountsContext)
  const entry = counts?.[name]
  if (!entry) return <span className="text-zinc-400">…</span>
  if (entry.forbidden !== null) {
    return (
      <span className="text-xs text-amber-700 dark:text-amber-300" title={entry.forbidden}>
        no permission to list pods
      </span>
    )
  }
  return (
    <Link prefetch={false} href={href} className="text-sky-700 tabular-nums hover:underline dark:text-sky-400">
      {entry.count?.toLocaleString('en-US')}
      {entry.atLeast ? '+' : ''}
    </Link>
  )
}
