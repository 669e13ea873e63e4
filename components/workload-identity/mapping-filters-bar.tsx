'use client'

import { FilterSearch, FilterSelect } from '@/components/ui/filter-fields'

import type { MappingFilters } from './mapping-filters'

const mechanismLabels = { 'pod-identity': 'Pod Identity', irsa: 'IRSA', both: 'Both (flagged)' } as const
const mechanismOptions = Object.keys(mechanismLabels) as (keyof typeof mechanismLabels)[]
const verdictLabels = { fail: 'Failing', warn: 'Warning', pass: 'Healthy' } as const
const verdictOptions = Object.keys(verdictLabels) as (keyof typeof verdictLabels)[]

/** Search and filter controls; every change goes to the URL (the parent owns it). */
export function MappingFiltersBar({
  filters,
  namespaces,
  onChange,
}: {
  filters: MappingFilters
  namespaces: string[]
  onChange: (next: MappingFilters) => void
}) {
  const set = (key: keyof MappingFilters) => (value: string) => onChange({ ...filters, [key]: value })
  return (
    <div role="search" className="grid gap-3 sm:grid-cols-4">
      <FilterSearch
        id="wi-q"
        label="Search"
        showLabel
        type="search"
        placeholder="service account or role"
        value={filters.q}
        onChange={(e) => set('q')(e.target.value)}
      />
      <FilterSelect
        id="wi-namespace"
        label="Namespace"
        showLabel
        allLabel="Any namespace"
        options={namespaces}
        value={filters.namespace}
        onChange={set('namespace')}
      />
      <FilterSelect
        id="wi-mechanism"
        label="Mechanism"
        showLabel
        allLabel="Any mechanism"
        options={mechanismOptions}
        value={filters.mechanism}
        onChange={set('mechanism')}
        optionLabel={(m) => mechanismLabels[m]}
      />
      <FilterSelect
        id="wi-verdict"
        label="Health"
        showLabel
        allLabel="Any health"
        options={verdictOptions}
        value={filters.verdict}
        onChange={set('verdict')}
        optionLabel={(v) => verdictLabels[v]}
      />
    </div>
  )
}
