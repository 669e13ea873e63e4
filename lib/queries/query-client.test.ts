import { QueryObserver } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'

import { ApiError } from '@/lib/api/api-error'

import { apiPath, clusterPagePath } from './api-paths'
import { clusterKeys } from './cluster-queries'
import { makeQueryClient, NETWORK_RETRY_DELAY_MS, shouldRetry } from './query-client'

describe('shouldRetry', () => {
  it.each([
    { error: new ApiError(401, 'unauthenticated', ''), count: 0, retry: false },
    { error: new ApiError(403, 'forbidden', ''), count: 0, retry: false },
    { error: new ApiError(404, 'not_found', ''), count: 0, retry: false },
    { error: new ApiError(502, 'upstream_unreachable', ''), count: 0, retry: false },
    { error: new ApiError(503, 'throttled', ''), count: 0, retry: false },
    { error: new ApiError(500, 'internal', ''), count: 0, retry: false },
    { error: new ApiError(0, 'network_error', ''), count: 0, retry: true },
    { error: new ApiError(0, 'network_error', ''), count: 1, retry: false },
  ])('$error.status after $count failures → $retry', ({ error, count, retry }) => {
    expect(shouldRetry(count, error)).toBe(retry)
  })
})

describe('makeQueryClient', () => {
  const run = async (fail: (call: number) => Error | null) => {
    vi.useFakeTimers()
    try {
      const client = makeQueryClient()
      let calls = 0
      const observer = new QueryObserver(client, {
        queryKey: ['x'],
        queryFn: async () => {
          calls += 1
          const error = fail(calls)
          if (error) throw error
          return 'data'
        },
      })
      const stop = observer.subscribe(() => undefined)
      await vi.advanceTimersByTimeAsync(NETWORK_RETRY_DELAY_MS + 10)
      const { status } = observer.getCurrentResult()
      stop()
      client.clear()
      return { calls, status }
    } finally {
      vi.useRealTimers()
    }
  }

  it('shows a 5xx at once: one request, then the error', async () => {
    expect(await run(() => new ApiError(502, 'upstream_unreachable', 'EKS did not answer'))).toEqual({
      calls: 1,
      status: 'error',
    })
  })

  it('retries a network failure once, quickly', async () => {
    expect(await run((call) => (call === 1 ? new ApiError(0, 'network_error', '') : null))).toEqual({
      calls: 2,
      status: 'success',
    })
    expect(await run(() => new ApiError(0, 'network_error', ''))).toEqual({ calls: 2, status: 'error' })
  })
})

describe('paths and keys', () => {
  const cluster = { region: 'us-west-2', name: 'prod-web' }
  it('encodes each segment once', () => {
    expect(apiPath(cluster, 'access-entries', 'arn:aws:iam::111122223333:role/dev/x')).toBe(
      '/api/clusters/us-west-2/prod-web/access-entries/arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fdev%2Fx',
    )
    expect(clusterPagePath(cluster, 'access')).toBe('/clusters/us-west-2/prod-web/access')
  })
  it('scopes cluster keys to the cluster', () => {
    expect(clusterKeys.overview(cluster)).toEqual(['cluster', 'us-west-2', 'prod-web', 'overview'])
    expect(clusterKeys.inventory()).toEqual(['clusters'])
  })
})
