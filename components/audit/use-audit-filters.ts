'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useMemo } from 'react'

import { emptyAuditFilters, type AuditFilters } from '@/lib/queries/audit-dto'

const keys = Object.keys(emptyAuditFilters) as (keyof AuditFilters)[]

/** The audit filters kept in the URL (so a filtered view is a link to share), and a setter that replaces them. */
export function useAuditFilters(): [AuditFilters, (next: AuditFilters) => void] {
  const searchParams = useSearchParams()
  const pathname = usePathname()
  const router = useRouter()
  const filters = useMemo(
    () => Object.fromEntries(keys.map((key) => [key, searchParams.get(key) ?? ''])) as AuditFilters,
    [searchParams],
  )
  const setFilters = useCallback(
    (next: AuditFilters) => {
      const params = new URLSearchParams()
      for (const key of keys) if (next[key]) params.set(key, next[key])
      const search = params.toString()
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false })
    },
    [pathname, router],
  )
  return [filters, setFilters]
}
