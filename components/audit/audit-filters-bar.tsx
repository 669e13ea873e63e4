'use client'

import { Search } from 'lucide-react'
import { useRef, useState } from 'react'

import { inputClasses } from '@/components/ui/form-field'
import { auditResults, type AuditFacets, type AuditFilters } from '@/lib/queries/audit-dto'

import { auditActionLabel } from './audit-labels'

// Typing a name should not fire a request per keystroke.
const ACTOR_DELAY_MS = 300

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
      className={showCluster ? 'grid gap-3 sm:grid-cols-2 lg:grid-cols-4' : 'grid gap-3 sm:grid-cols-3'}
    >
      <div className="relative">
        <label htmlFor="audit-actor" className="sr-only">
          Who
        </label>
        <Search aria-hidden="true" className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-400" />
        <input
          id="audit-actor"
          type="search"
          placeholder="Who made the change"
          className={inputClasses(false, 'pl-8')}
          value={actor}
          onChange={(e) => typeActor(e.target.value)}
        />
      </div>
      {showCluster ? (
        <div>
          <label htmlFor="audit-cluster" className="sr-only">
            Cluster
          </label>
          <select
            id="audit-cluster"
            className={inputClasses()}
            value={filters.cluster}
            onChange={(e) => set('cluster')(e.target.value)}
          >
            <option value="">All clusters</option>
            {clusters.map((c) => (
              <option key={c} value={c}>
                {c.replace('/', ' · ')}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor="audit-action" className="sr-only">
          Action
        </label>
        <select
          id="audit-action"
          className={inputClasses()}
          value={filters.action}
          onChange={(e) => set('action')(e.target.value)}
        >
          <option value="">All actions</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {auditActionLabel(a)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-result" className="sr-only">
          Result
        </label>
        <select
          id="audit-result"
          className={inputClasses()}
          value={filters.result}
          onChange={(e) => set('result')(e.target.value)}
        >
          <option value="">All results</option>
          {auditResults.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
