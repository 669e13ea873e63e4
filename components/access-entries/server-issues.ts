import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'

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

/** The issue on `confirmClusterName`, when the lockout guard asked for the typed cluster name. */
export function needsTypedConfirmation(error: unknown): boolean {
  return error instanceof ApiError && error.issues.some((issue) => issue.path[0] === 'confirmClusterName')
}
