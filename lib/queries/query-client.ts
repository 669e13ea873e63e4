import { QueryClient } from '@tanstack/react-query'

import { ApiError } from '@/lib/api/api-error'

/** Delay before the one quick retry of a request that never got an answer from the console's server. */
export const NETWORK_RETRY_DELAY_MS = 300

/**
 * Whether a failed query is retried before its error is shown. The error panel (with its Retry button) appears at
 * once instead of after seconds of an empty content area:
 * - 4xx (no session, no permission, not found, invalid) never heals by itself: no retry.
 * - 5xx: the console's server has already retried its upstream with the AWS SDK's backoff; retrying here only kept
 *   the content area empty for 8–10 s more: no retry.
 * - a network failure (status 0: no answer at all) is retried once, quickly: a dropped connection or a server restart
 *   often heals at once.
 * Healing in the background is left to the queries that poll (their interval re-reads an errored query too). An
 * interval on every errored query would not do: a refetch without data puts the query back to pending, so the error
 * panel would blink into a loading state every few seconds.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.isClientError) return false
  if (error instanceof ApiError && error.status === 0) return failureCount < 1
  return false
}

/** A QueryClient with the console's defaults (one per browser tab; one per request on the server). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // EKS control-plane data changes rarely; 30 s keeps navigation instant without hiding a change for long.
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        retryDelay: NETWORK_RETRY_DELAY_MS,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  })
}
