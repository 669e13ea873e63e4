import { describe, expect, it } from 'vitest'

import { ApiError } from '@/lib/api/api-error'

import { queryErrorTitle } from './query-error'

const forbidden = (detail: ApiError['detail']) =>
  new ApiError(403, 'kubernetes_forbidden', 'The console’s role cannot …', [], detail)

describe('queryErrorTitle', () => {
  it.each([
    [
      forbidden({ verb: 'list', resource: 'pods', namespace: 'team-a' }),
      'The console may not list pods in namespace team-a',
    ],
    [
      forbidden({ verb: 'list', resource: 'namespaces', namespace: null }),
      'The console may not list namespaces across the cluster',
    ],
    [
      forbidden({ verb: 'get', resource: 'configmaps', namespace: 'kube-system', name: 'aws-auth' }),
      'The console may not get configmaps/aws-auth in namespace kube-system',
    ],
    [forbidden({}), "The cluster refused the console's Kubernetes request"],
    [new ApiError(502, 'kubernetes_unauthorized', 'x'), "The cluster does not accept the console's credentials"],
    [new ApiError(403, 'forbidden', 'x'), 'Your console role does not allow this'],
    [new ApiError(500, 'internal', 'x'), 'Could not load the pods'],
    [new Error('boom'), 'Could not load the pods'],
  ])('%s → %s', (error, title) => {
    expect(queryErrorTitle(error, 'the pods')).toBe(title)
  })
})
