'use client'

import { inputClasses } from '@/components/ui/form-field'

import type { MappingFilters } from './mapping-filters'

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
  const set = (key: keyof MappingFilters) => (e: { target: { value: string } }) =>
    onChange({ ...filters, [key]: e.target.value })
  return (
    <div role="search" className="grid gap-3 sm:grid-cols-4">
      <div className="space-y-1">
        <label htmlFor="wi-q" className="block text-xs font-medium">
          Search
        </label>
        <input
          id="wi-q"
          type="search"
          className={inputClasses()}
          placeholder="service account or role"
          value={filters.q}
          onChange={set('q')}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="wi-namespace" className="block text-xs font-medium">
          Namespace
        </label>
        <select id="wi-namespace" className={inputClasses()} value={filters.namespace} onChange={set('namespace')}>
          <option value="">Any namespace</option>
          {namespaces.map((ns) => (
            <option key={ns} value={ns}>
              {ns}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="wi-mechanism" className="block text-xs font-medium">
          Mechanism
        </label>
        <select id="wi-mechanism" className={inputClasses()} value={filters.mechanism} onChange={set('mechanism')}>
          <option value="">Any mechanism</option>
          <option value="pod-identity">Pod Identity</option>
          <option value="irsa">IRSA</option>
          <option value="both">Both (flagged)</option>
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="wi-verdict" className="block text-xs font-medium">
          Health
        </label>
        <select id="wi-verdict" className={inputClasses()} value={filters.verdict} onChange={set('verdict')}>
          <option value="">Any health</option>
          <option value="fail">Failing</option>
          <option value="warn">Warning</option>
          <option value="pass">Healthy</option>
        </select>
      </div>
    </div>
  )
}
