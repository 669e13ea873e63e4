import { QueryClient } from '@tanstack/react-query'

import { ApiError } from '@/lib/api/api-error'

const MAX_RETRIES = 2

/** Retry only what may heal by itself: a 4xx (no session, no permission, not found, invalid) never does. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.isClientError) return false
  return failureCount < MAX_RETRIES
}

/** A QueryClient with the console's defaults (one per browser tab; one per request on the server). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // EKS control-plane data changes rarely; 30 s keeps navigation instant without hiding a change for long.
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}
