import { describe, expect, it } from 'vitest'

import { createBindingSchema, deleteBindingSchema, subjectParamsSchema } from './rbac-binding-schema'

const valid = {
  kind: 'RoleBinding',
  name: 'devs-view',
  namespace: 'team-a',
  roleKind: 'ClusterRole',
  roleName: 'view',
  subjectKind: 'Group',
  subjectName: 'devs',
}

const issuesOf = (input: unknown) => {
  const parsed = createBindingSchema.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('createBindingSchema', () => {
  it('accepts a RoleBinding, a ClusterRoleBinding, system: names and a time-bound duration', () => {
    expect(issuesOf(valid)).toEqual([])
    expect(
      issuesOf({ ...valid, kind: 'ClusterRoleBinding', namespace: undefined, roleName: 'system:aggregate-to-view' }),
    ).toEqual([])
    expect(issuesOf({ ...valid, duration: { kind: 'preset', preset: '1h' } })).toEqual([])
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty name', { name: ' ' }, 'name: Enter a name.'],
    ['a name with a slash', { name: 'a/b' }, 'name: A name cannot contain "/" or "%".'],
    ['a dot name', { name: '..' }, 'name: A name cannot be "." or "..".'],
    ['a RoleBinding without namespace', { namespace: '' }, 'namespace: Enter the namespace of the RoleBinding.'],
    [
      'an invalid namespace',
      { namespace: 'Team_A' },
      "namespace: A namespace name is lower-case letters, digits and '-', starting and ending with a letter or digit.",
    ],
    [
      'a ClusterRoleBinding to a Role',
      { kind: 'ClusterRoleBinding', roleKind: 'Role' },
      'roleKind: A ClusterRoleBinding can only reference a ClusterRole.',
    ],
    ['an empty subject', { subjectName: '' }, 'subjectName: Enter the subject’s name.'],
    [
      'a subject with a line break',
      { subjectName: 'a\nb' },
      'subjectName: Contains a control character or line break (U+000A at position 2); remove it.',
    ],
    [
      'a ServiceAccount with an invalid name',
      { subjectKind: 'ServiceAccount', subjectName: 'CI' },
      "subjectName: A service account name is lower-case letters, digits, '-' and '.', starting and ending with a letter or digit.",
    ],
    [
      'a ClusterRoleBinding ServiceAccount without namespace',
      { kind: 'ClusterRoleBinding', subjectKind: 'ServiceAccount', subjectName: 'ci' },
      'subjectNamespace: Enter the service account’s namespace.',
    ],
  ])('refuses %s', (_name, change, issue) => {
    expect(issuesOf({ ...valid, ...change })).toContain(issue)
  })
})

describe('deleteBindingSchema and subjectParamsSchema', () => {
  it('needs the resourceVersion; a ServiceAccount subject needs its namespace', () => {
    expect(deleteBindingSchema.safeParse({}).success).toBe(false)
    expect(deleteBindingSchema.parse({ resourceVersion: '12' })).toEqual({ resourceVersion: '12' })
    expect(subjectParamsSchema.safeParse({ kind: 'ServiceAccount', name: 'ci' }).success).toBe(false)
    expect(subjectParamsSchema.safeParse({ kind: 'Group', name: 'system:masters' }).success).toBe(true)
    expect(subjectParamsSchema.safeParse({ kind: 'Robot', name: 'x' }).success).toBe(false)
  })
})
