'use client'

import { Search } from 'lucide-react'

import { inputClasses } from '@/components/ui/form-field'

import type { EntryFilters } from './entry-filters'

/** Search and filters above the entries table. */
export function EntryFiltersBar({
  filters,
  onChange,
  options,
}: {
  filters: EntryFilters
  onChange: (next: EntryFilters) => void
  options: { types: string[]; policies: string[] }
}) {
  const set = (key: keyof EntryFilters) => (value: string) => onChange({ ...filters, [key]: value })
  return (
    <div role="search" aria-label="Filter access entries" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <div className="relative">
        <label htmlFor="entry-search" className="sr-only">
          Search principals, usernames and groups
        </label>
        <Search aria-hidden="true" className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-400" />
        <input
          id="entry-search"
          type="search"
          placeholder="Search principal, username, group"
          className={inputClasses(false, 'pl-8')}
          value={filters.q}
          onChange={(e) => set('q')(e.target.value)}
        />
      </div>
      <div>
        <label htmlFor="entry-type" className="sr-only">
          Type
        </label>
        <select
          id="entry-type"
          className={inputClasses()}
          value={filters.type}
          onChange={(e) => set('type')(e.target.value)}
        >
          <option value="">All types</option>
          {options.types.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="entry-policy" className="sr-only">
          Access policy
        </label>
        <select
          id="entry-policy"
          className={inputClasses()}
          value={filters.policy}
          onChange={(e) => set('policy')(e.target.value)}
        >
          <option value="">All policies</option>
          {options.policies.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="entry-namespace" className="sr-only">
          Reaches namespace
        </label>
        <input
          id="entry-namespace"
          placeholder="Reaches namespace, e.g. team-a"
          className={inputClasses()}
          value={filters.namespace}
          onChange={(e) => set('namespace')(e.target.value)}
        />
      </div>
    </div>
  )
}
