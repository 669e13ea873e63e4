'use client'

import { useState } from 'react'
import type { FieldValues, Path, UseFormReturn, UseFormSetError } from 'react-hook-form'

import { ApiError } from '@/lib/api/api-error'

/**
 * Puts a 422/409 answer's issues on the form's fields (server-side checks: the principal exists, EKS's own rules).
 * Returns the message for the form-level alert when no issue matched a field the form has.
 */
export function applyServerIssues<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string | undefined {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error)
  let placed = false
  for (const issue of error.issues) {
    const path = issue.path.join('.')
    if (fields.some((field) => path === field || path.startsWith(`${field}.`))) {
      setError(path as Path<T>, { type: 'server', message: issue.message })
      placed = true
    }
  }
  return placed ? undefined : error.message
}

/**
 * The form's submit handler: validates with the form's resolver, runs `submit`, and when it throws puts the server's
 * issues on `fields` (see {@link applyServerIssues}); whatever no field owns becomes `formError`.
 */
export function useServerFormSubmit<TInput extends FieldValues, TOutput extends FieldValues>(
  form: UseFormReturn<TInput, unknown, TOutput>,
  fields: readonly string[],
  submit: (input: TOutput) => Promise<unknown>,
) {
  const [formError, setFormError] = useState<string>()
  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(undefined)
    try {
      await submit(input)
    } catch (error) {
      setFormError(applyServerIssues(error, form.setError, fields))
    }
  })
  return { onSubmit, formError }
}
