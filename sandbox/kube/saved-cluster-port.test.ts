import { describe, expect, it } from 'vitest'

import { savedClusterPort } from './start-sandbox-kube'

describe('savedClusterPort', () => {
  it.each([
    ['an endpoint from an earlier run on the same fixed port', 'https://127.0.0.1:4570', 4567, 4570],
    ['a trailing slash', 'https://127.0.0.1:4570/', 4567, 4570],
    ['the seed placeholder', 'https://ABC.gr7.us-west-2.eks.amazonaws.com', 4567, undefined],
    ['the old path form on the shared port', 'https://127.0.0.1:4567/clusters/us-west-2/prod-web', 4567, undefined],
    ['an OS-assigned port from a --reset-only run', 'https://127.0.0.1:38123', 4567, undefined],
    ['the shared port itself', 'https://127.0.0.1:4567', 4567, undefined],
    ['any endpoint when the sandbox uses free ports', 'https://127.0.0.1:4570', 0, undefined],
    ['no endpoint', undefined, 4567, undefined],
  ])('%s', (_label, endpoint, kubePort, expected) => {
    expect(savedClusterPort(endpoint, kubePort)).toBe(expected)
  })
})
