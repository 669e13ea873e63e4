import { describe, expect, it } from 'vitest'

import { rbacPaths, readBindingPrefill, roleRefPath } from './rbac-paths'

const c = { region: 'us-west-2', name: 'prod-web' }

describe('RBAC page paths', () => {
  it.each([
    [rbacPaths.list(c, 'subjects'), '/clusters/us-west-2/prod-web/rbac?tab=subjects'],
    [
      rbacPaths.clusterRole(c, 'system:aggregate-to-edit'),
      '/clusters/us-west-2/prod-web/rbac/cluster-roles/system%3Aaggregate-to-edit',
    ],
    [
      rbacPaths.subject(c, 'ServiceAccount', 'ci', 'team-a'),
      '/clusters/us-west-2/prod-web/rbac/subjects/ServiceAccount/ci?namespace=team-a',
    ],
    [
      rbacPaths.subject(c, 'User', 'arn:aws:iam::1:user/a b'),
      '/clusters/us-west-2/prod-web/rbac/subjects/User/arn%3Aaws%3Aiam%3A%3A1%3Auser%2Fa%20b',
    ],
    [
      roleRefPath(c, { kind: 'Role', name: 'reader' }, 'orders'),
      '/clusters/us-west-2/prod-web/rbac/roles/orders/reader',
    ],
    [
      rbacPaths.newBinding(c, { subjectKind: 'Group', subjectName: 'devs', namespace: 'team-a' }),
      '/clusters/us-west-2/prod-web/rbac/bindings/new?subjectKind=Group&subjectName=devs&namespace=team-a',
    ],
  ])('%s', (path, expected) => {
    expect(path).toBe(expected)
  })
})

describe('readBindingPrefill', () => {
  it('keeps the five known parameters, drops unknown kinds, arrays and other keys', () => {
    expect(
      readBindingPrefill({
        subjectKind: 'Group',
        subjectName: 'devs',
        namespace: 'team-a',
        roleKind: 'ClusterRole',
        roleName: 'view',
        other: 'x',
      }),
    ).toEqual({
      subjectKind: 'Group',
      subjectName: 'devs',
      namespace: 'team-a',
      roleKind: 'ClusterRole',
      roleName: 'view',
    })
    expect(
      readBindingPrefill({ subjectKind: 'Robot', roleKind: ['Role', 'Role'], subjectName: 'x'.repeat(2000) }),
    ).toEqual({})
  })
})
