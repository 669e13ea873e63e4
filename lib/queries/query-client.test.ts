import { describe, expect, it } from 'vitest'

import { ApiError } from '@/lib/api/api-error'

import { apiPath, clusterPagePath } from './api-paths'
import { clusterKeys } from './cluster-queries'
import { shouldRetry } from './query-client'

describe('shouldRetry', () => {
  it.each([
    { error: new ApiError(401, 'unauthenticated', ''), count: 0, retry: false },
    { error: new ApiError(403, 'forbidden', ''), count: 0, retry: false },
    { error: new ApiError(404, 'not_found', ''), count: 0, retry: false },
    { error: new ApiError(502, 'upstream_unreachable', ''), count: 0, retry: true },
    { error: new ApiError(503, 'throttled', ''), count: 1, retry: true },
    { error: new ApiError(503, 'throttled', ''), count: 2, retry: false },
    { error: new ApiError(0, 'network_error', ''), count: 0, retry: true },
  ])('$error.status after $count failures → $retry', ({ error, count, retry }) => {
    expect(shouldRetry(count, error)).toBe(retry)
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
