import { ApiError } from '@/lib/api/api-error'

/** The issue on `confirmClusterName`, when the lockout guard asked for the typed cluster name. */
export function needsTypedConfirmation(error: unknown): boolean {
  return error instanceof ApiError && error.issues.some((issue) => issue.path[0] === 'confirmClusterName')
}
