'use client'

import { useInfiniteQuery } from '@tanstack/react-query'
import { ChevronDown } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'

import { inputClasses } from '@/components/ui/form-field'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { namespaceListQuery } from '@/lib/queries/resource-queries'

const noFilters = { q: '', labels: '' }

/** Multi-select of namespaces (checkboxes in a disclosure), listing the cluster's namespaces page by page. */
export function NamespacePicker({
  cluster,
  selected,
  onChange,
}: {
  cluster: ClusterRef
  selected: string[]
  onChange: (next: string[]) => void
}) {
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState('')
  const query = useInfiniteQuery({ ...namespaceListQuery(cluster, noFilters).options, enabled: open })
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query
  // Namespaces are few (hundreds): load them all once the picker opens.
  useEffect(() => {
    if (open && hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [open, hasNextPage, isFetchingNextPage, fetchNextPage])
  const names = useMemo(() => query.data?.pages.flatMap((p) => p.rows.map((r) => r.name)) ?? [], [query.data])
  const shown = names.filter((n) => n.includes(search.trim().toLowerCase()))
  const toggle = (name: string) =>
    onChange(selected.includes(name) ? selected.filter((n) => n !== name) : [...selected, name].sort())
  const label =
    selected.length === 0 ? 'All namespaces' : selected.length === 1 ? selected[0] : `${selected.length} namespaces`

  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="namespace-picker"
        onClick={() => setOpen(!open)}
        className={inputClasses(false, 'flex items-center justify-between gap-2 text-left')}
      >
        <span className="truncate">
          <span className="sr-only">Namespaces: </span>
          {label}
        </span>
        <ChevronDown aria-hidden="true" className="size-4 shrink-0 text-zinc-500 dark:text-zinc-400" />
      </button>
      {open ? (
        <div
          id="namespace-picker"
          className="absolute z-20 mt-1 w-72 rounded-md border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <label htmlFor="namespace-picker-search" className="sr-only">
            Find a namespace
          </label>
          <input
            id="namespace-picker-search"
            className={inputClasses()}
            placeholder="Find a namespace"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <fieldset className="mt-2 max-h-64 overflow-y-auto">
            <legend className="sr-only">Namespaces to show</legend>
            {query.isPending ? (
              <p className="p-2 text-sm text-zinc-500 dark:text-zinc-400">Loading namespaces…</p>
            ) : null}
            {query.error ? <p className="p-2 text-sm text-red-700 dark:text-red-400">{query.error.message}</p> : null}
            {shown.map((name) => (
              <label
                key={name}
                className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                <input type="checkbox" checked={selected.includes(name)} onChange={() => toggle(name)} />
                {name}
              </label>
            ))}
          </fieldset>
          <div className="mt-2 flex justify-between border-t border-zinc-200 pt-2 text-sm dark:border-zinc-700">
            <button type="button" className="underline" onClick={() => onChange([])}>
              All namespaces
            </button>
            <button type="button" className="font-medium underline" onClick={() => setOpen(false)}>
              Done
            </button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
