'use client'

import type { ComponentProps } from 'react'

import { FilterField, FilterSelect } from '@/components/ui/filter-fields'

import { DebouncedInput } from './debounced-input'

/** A filter bar's text field: a visually hidden label and an input that commits after a pause in typing. */
export function FilterInput({
  id,
  label,
  ...props
}: ComponentProps<typeof DebouncedInput> & { id: string; label: string }) {
  return (
    <FilterField id={id} label={label}>
      <DebouncedInput id={id} {...props} />
    </FilterField>
  )
}

/** The "name contains" search every browser opens its filter bar with. */
export function NameFilter({
  id,
  noun,
  value,
  onCommit,
}: {
  id: string
  noun: string
  value: string
  onCommit: (value: string) => void
}) {
  return (
    <FilterInput
      id={id}
      label={`${noun} name contains`}
      type="search"
      placeholder="Name contains…"
      value={value}
      onCommit={onCommit}
    />
  )
}

/** A Kubernetes label selector (`app=web,tier!=db`), passed to the API server as `labelSelector`. */
export function LabelFilter({
  id,
  example,
  value,
  onCommit,
}: {
  id: string
  example: string
  value: string
  onCommit: (value: string) => void
}) {
  return (
    <FilterInput
      id={id}
      label="Label selector"
      placeholder={`Labels, e.g. ${example}`}
      value={value}
      onCommit={onCommit}
      className="font-mono"
    />
  )
}

/** A status filter: "Any status" (unset) or one of the kind's statuses. */
export function StatusFilter<Status extends string>({
  id,
  statuses,
  value,
  onChange,
  optionLabel = (status) => status,
}: {
  id: string
  statuses: readonly Status[]
  value: Status | undefined
  onChange: (value: Status | undefined) => void
  optionLabel?: (status: Status) => string
}) {
  return (
    <FilterSelect
      id={id}
      label="Status"
      allLabel="Any status"
      options={statuses}
      value={value ?? ''}
      onChange={(next) => onChange((next || undefined) as Status | undefined)}
      optionLabel={optionLabel}
    />
  )
}
