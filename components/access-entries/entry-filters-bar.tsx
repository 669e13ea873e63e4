'use client'

import { FilterSearch, FilterSelect } from '@/components/ui/filter-fields'

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
      <FilterSearch
        id="entry-search"
        label="Search principals, usernames and groups"
        icon
        type="search"
        placeholder="Search principal, username, group"
        value={filters.q}
        onChange={(e) => set('q')(e.target.value)}
      />
      <FilterSelect
        id="entry-type"
        label="Type"
        allLabel="All types"
        options={options.types}
        value={filters.type}
        onChange={set('type')}
      />
      <FilterSelect
        id="entry-policy"
        label="Access policy"
        allLabel="All policies"
        options={options.policies}
        value={filters.policy}
        onChange={set('policy')}
      />
      <FilterSearch
        id="entry-namespace"
        label="Reaches namespace"
        placeholder="Reaches namespace, e.g. team-a"
        value={filters.namespace}
        onChange={(e) => set('namespace')(e.target.value)}
      />
    </div>
  )
}
