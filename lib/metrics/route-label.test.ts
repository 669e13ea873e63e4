import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

import { API_ROUTE_TEMPLATES, routeLabel } from './route-label'

const apiDir = join(import.meta.dirname, '..', '..', 'app', 'api')

describe('routeLabel', () => {
  it('lists exactly the route files under app/api', () => {
    const onDisk = (readdirSync(apiDir, { recursive: true }) as string[])
      .filter((file) => file.endsWith('route.ts'))
      .map((file) => `/api/${file.split('\\').join('/')}`.replace(/\/route\.ts$/, ''))
      .sort()
    expect([...API_ROUTE_TEMPLATES].sort()).toEqual(onDisk)
  })

  it.each([
    ['/api/clusters', '/api/clusters'],
    ['/api/clusters/us-west-2/prod', '/api/clusters/[region]/[cluster]'],
    ['/api/clusters/us-west-2/prod/pods/counts', '/api/clusters/[region]/[cluster]/pods/counts'],
    ['/api/clusters/us-west-2/prod/pods/default/web-1', '/api/clusters/[region]/[cluster]/pods/[namespace]/[name]'],
    [
      '/api/clusters/us-west-2/prod/access-entries/arn%3Aaws%3Aiam%3A%3A1%3Arole%2FX/policies/p',
      '/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/[policy]',
    ],
    [
      '/api/clusters/us-west-2/prod/access-entries/kubernetes',
      '/api/clusters/[region]/[cluster]/access-entries/kubernetes',
    ],
    ['/api/auth/callback/oidc', '/api/auth/[...nextauth]'],
    ['/api/health/ready', '/api/health/ready'],
    ['/api/nope/at/all', 'other'],
    ['/api/clusters/us-west-2/prod/pods/a/b/c', 'other'],
  ])('%s → %s', (path, label) => {
    expect(routeLabel(path)).toBe(label)
  })
})
