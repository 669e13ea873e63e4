import { describe, expect, it } from 'vitest'

import { hasUndecodableSegment } from './undecodable-path'

describe('hasUndecodableSegment', () => {
  it.each([
    { path: '/clusters/us-west-2/prod-web', bad: false },
    { path: '/api/clusters/us-west-2/prod-web/access-entries/arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fx', bad: false },
    { path: '/api/x/%25', bad: false },
    { path: '/api/clusters/us-west-2/prod-web/access-entries/%E0%A4%A', bad: true },
    { path: '/clusters/%zz/prod-web', bad: true },
    { path: '/api/x/%', bad: true },
    { path: '/api/x/%C3', bad: true },
  ])('$path → $bad', ({ path, bad }) => {
    expect(hasUndecodableSegment(path)).toBe(bad)
  })
})
