'use client'

import type { ReactNode } from 'react'
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form'

import { fieldIds, FormField } from './form-field'
import { ListInput } from './list-input'

/** A list's message: the list's own (too many, duplicates) or the first item's (`system:` groups, a bad name). */
function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined
  if ('message' in error && typeof error.message === 'string') return error.message
  return Array.isArray(error) ? error.map(firstMessage).find(Boolean) : undefined
}

/**
 * A comma-separated list field ({@link ListInput}) with its label, hint, warning and error, linked through
 * `aria-describedby`, like {@link TextField} for a text input.
 */
export function ListField<T extends FieldValues, O extends FieldValues>({
  control,
  name,
  id,
  label,
  hint,
  warning,
  className,
  list,
}: {
  control: Control<T, unknown, O>
  name: Path<T>
  id: string
  label: ReactNode
  hint?: ReactNode
  warning?: ReactNode
  className?: string
  /** The id of a `<datalist>` of suggestions. */
  list?: string
}) {
  const { field, fieldState } = useController({ control, name })
  const error = firstMessage(fieldState.error)
  return (
    <FormField id={id} label={label} hint={hint} warning={warning} error={error} className={className}>
      <ListInput
        {...fieldIds(id, error, hint)}
        value={field.value as readonly string[] | undefined}
        onChange={field.onChange}
        invalid={!!error}
        list={list}
      />
    </FormField>
  )
}
