import { describe, expect, it } from 'vitest'

import { currentClusterSection, isServiceAccountPath } from './cluster-sections'

describe('currentClusterSection', () => {
  it.each<[string, string | undefined]>([
    ['', undefined],
    ['/', undefined],
    ['resources', 'resources'],
    ['resources/pods', 'resources'],
    ['resources/pods/team-a/web-1', 'resources'],
    ['resources/nodes/ip-10-0-1-1', 'resources'],
    ['resources/service-accounts/reports/reports-job', 'workload-identity'],
    ['/resources/service-accounts/batch/default/', 'workload-identity'],
    ['workload-identity', 'workload-identity'],
    ['access', 'access'],
    ['access/grant', 'access'],
    ['effective-access', 'effective-access'],
    ['rbac', 'rbac'],
    ['rbac/cluster-roles/system:aggregate-to-edit', 'rbac'],
    ['rbac/bindings/new', 'rbac'],
    ['requests', 'requests'],
    ['requests/settings', 'requests'],
    ['requests/0b7c2f0e-4a9e-4d43-9a57-4f1f3f0f9d11', 'requests'],
    ['kubeconfig', 'kubeconfig'],
    ['history', 'history'],
    ['unknown', undefined],
  ])('%j belongs to %s', (path, section) => {
    expect(currentClusterSection(path)).toBe(section)
  })

  it.each<[string, boolean]>([
    ['resources/service-accounts/reports/reports-job', true],
    ['resources/pods', false],
    ['workload-identity', false],
  ])('isServiceAccountPath(%j) is %s', (path, expected) => {
    expect(isServiceAccountPath(path)).toBe(expected)
  })
})
