'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useMemo } from 'react'

/** How the table orders findings: grouped by severity (most severe first), or by cluster or rule. */
export const findingSorts = ['severity', 'cluster', 'rule'] as const
export type FindingSort = (typeof findingSorts)[number]

export type FindingsView = { severity: string; rule: string; cluster: string; sort: FindingSort }

const keys = ['severity', 'rule', 'cluster', 'sort'] as const

/** The findings filters and sort, kept in the URL so a filtered view is a link to share. */
export function useFindingsFilters(): [FindingsView, (patch: Partial<FindingsView>) => void] {
  const searchParams = useSearchParams()
  const pathname = usePathname()
  const router = useRouter()
  const view = useMemo((): FindingsView => {
    const sort = searchParams.get('sort')
    return {
      severity: searchParams.get('severity') ?? '',
      rule: searchParams.get('rule') ?? '',
      cluster: searchParams.get('cluster') ?? '',
      sort: findingSorts.find((s) => s === sort) ?? 'severity',
    }
  }, [searchParams])
  const update = useCallback(
    (patch: Partial<FindingsView>) => {
      const next = { ...view, ...patch }
      const params = new URLSearchParams()
      for (const key of keys) if (next[key] && !(key === 'sort' && next.sort === 'severity')) params.set(key, next[key])
      const search = params.toString()
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false })
    },
    [pathname, router, view],
  )
  return [view, update]
}
