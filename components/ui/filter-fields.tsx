'use client'

import { Search } from 'lucide-react'
import type { ComponentProps, ReactNode } from 'react'

import { cn } from '@/lib/cn'

import { inputClasses } from './form-field'

/**
 * One field of a filter bar: its label and the control. The label stays the field's accessible name even when it is
 * visually hidden (the default), which is how the e2e page objects find it.
 */
export function FilterField({
  id,
  label,
  showLabel = false,
  className,
  children,
}: {
  id: string
  label: ReactNode
  showLabel?: boolean
  className?: string
  children: ReactNode
}) {
  return (
    <div className={cn(showLabel && 'space-y-1', className) || undefined}>
      <label htmlFor={id} className={showLabel ? 'block text-xs font-medium' : 'sr-only'}>
        {label}
      </label>
      {children}
    </div>
  )
}

/** A labelled text filter, with a magnifier inside the box when `icon` is set. */
export function FilterSearch({
  id,
  label,
  showLabel,
  icon = false,
  className,
  ...props
}: Omit<ComponentProps<'input'>, 'id'> & { id: string; label: string; showLabel?: boolean; icon?: boolean }) {
  return (
    <FilterField id={id} label={label} showLabel={showLabel} className={icon ? 'relative' : undefined}>
      {icon ? (
        <Search aria-hidden="true" className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-400" />
      ) : null}
      <input id={id} className={inputClasses(false, cn(icon && 'pl-8', className) || undefined)} {...props} />
    </FilterField>
  )
}

/** A labelled select whose first option (`allLabel`, value "") means "no filter". */
export function FilterSelect<Option extends string>({
  id,
  label,
  showLabel,
  allLabel,
  options,
  value,
  onChange,
  optionLabel = (option) => option,
}: {
  id: string
  label: string
  showLabel?: boolean
  allLabel: string
  options: readonly Option[]
  value: string
  onChange: (value: string) => void
  optionLabel?: (option: Option) => string
}) {
  return (
    <FilterField id={id} label={label} showLabel={showLabel}>
      <select id={id} className={inputClasses()} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </FilterField>
  )
}
