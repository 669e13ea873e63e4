'use client'

import { useRef, useState } from 'react'

import { FilterSearch, FilterSelect } from '@/components/ui/filter-fields'
import type { AuditFacets } from '@/lib/audit/audit-dto'
import { auditPeriods, auditResults, type AuditFilters } from '@/lib/audit/audit-filters'

import { auditActionLabel } from './audit-labels'

// Typing a name should not fire a request per keystroke.
const ACTOR_DELAY_MS = 300

const periodLabels: Record<(typeof auditPeriods)[number], string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  dates: 'Between dates…',
}

/** Filters above the audit table; `showCluster` is off on a cluster's own history. */
export function AuditFiltersBar({
  filters,
  onChange,
  facets,
  showCluster,
}: {
  filters: AuditFilters
  onChange: (patch: Partial<AuditFilters>) => void
  facets: AuditFacets | undefined
  showCluster: boolean
}) {
  const [actor, setActor] = useState(filters.actor)
  // The URL value the box last showed or sent: when the URL changes otherwise (Clear filters, Back), the box follows.
  const [synced, setSynced] = useState(filters.actor)
  if (filters.actor !== synced) {
    setSynced(filters.actor)
    setActor(filters.actor)
  }
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const set = (key: keyof AuditFilters) => (value: string) => onChange({ [key]: value })
  const typeActor = (value: string) => {
    setActor(value)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      setSynced(value.trim())
      set('actor')(value.trim())
    }, ACTOR_DELAY_MS)
  }
  // A filter from the URL that the log no longer contains still shows as the selected option.
  const clusters = facets?.clusters.map((c) => `${c.region}/${c.name}`) ?? []
  if (filters.cluster && !clusters.includes(filters.cluster)) clusters.unshift(filters.cluster)
  const actions = [...(facets?.actions ?? [])]
  if (filters.action && !actions.includes(filters.action)) actions.unshift(filters.action)

  return (
    <div
      role="search"
      aria-label="Filter the audit log"
      className={showCluster ? 'grid gap-3 sm:grid-cols-3 lg:grid-cols-5' : 'grid gap-3 sm:grid-cols-2 lg:grid-cols-4'}
    >
      <FilterSearch
        id="audit-actor"
        label="Who"
        icon
        type="search"
        placeholder="Who made the change"
        value={actor}
        onChange={(e) => typeActor(e.target.value)}
      />
      {showCluster ? (
        <FilterSelect
          id="audit-cluster"
          label="Cluster"
          allLabel="All clusters"
          options={clusters}
          value={filters.cluster}
          onChange={set('cluster')}
          optionLabel={(c) => c.replace('/', ' · ')}
        />
      ) : null}
      <FilterSelect
        id="audit-action"
        label="Action"
        allLabel="All actions"
        options={actions}
        value={filters.action}
        onChange={set('action')}
        optionLabel={auditActionLabel}
      />
      <FilterSelect
        id="audit-result"
        label="Result"
        allLabel="All results"
        options={auditResults}
        value={filters.result}
        onChange={set('result')}
      />
      <FilterSelect
        id="audit-period"
        label="When"
        allLabel="Any time"
        options={auditPeriods}
        value={filters.period}
        // Leaving "Between dates" drops its dates, so the URL never carries a range that no longer applies.
        onChange={(period) => onChange(period === 'dates' ? { period } : { period, from: '', to: '' })}
        optionLabel={(p) => periodLabels[p]}
      />
      {filters.period === 'dates' ? (
        <div className="col-span-full grid gap-3 sm:grid-cols-2 lg:w-1/2">
          <FilterSearch
            id="audit-from"
            label="From (UTC day)"
            showLabel
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => set('from')(e.target.value)}
          />
          <FilterSearch
            id="audit-to"
            label="To (UTC day, included)"
            showLabel
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => set('to')(e.target.value)}
          />
        </div>
      ) : null}
    </div>
  )
}
