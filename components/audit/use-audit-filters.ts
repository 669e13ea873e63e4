'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useEffect, useMemo, useRef } from 'react'

import { emptyAuditFilters, type AuditFilters } from '@/lib/audit/audit-filters'

const keys = Object.keys(emptyAuditFilters) as (keyof AuditFilters)[]

/**
 * The audit filters kept in the URL (so a filtered view is a link to share), and an updater that merges a change
 * into them. Changes merge into the latest filters, not the ones of the last render: the URL updates asynchronously,
 * and the debounced "Who" box must not write back a select's old value.
 */
export function useAuditFilters(): [AuditFilters, (patch: Partial<AuditFilters>) => void] {
  const searchParams = useSearchParams()
  const pathname = usePathname()
  const router = useRouter()
  const filters = useMemo(
    () => Object.fromEntries(keys.map((key) => [key, searchParams.get(key) ?? ''])) as AuditFilters,
    [searchParams],
  )
  const latest = useRef(filters)
  useEffect(() => {
    latest.current = filters
  }, [filters])
  const updateFilters = useCallback(
    (patch: Partial<AuditFilters>) => {
      const next = { ...latest.current, ...patch }
      latest.current = next
      const params = new URLSearchParams()
      for (const key of keys) if (next[key]) params.set(key, next[key])
      const search = params.toString()
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false })
    },
    [pathname, router],
  )
  return [filters, updateFilters]
}
