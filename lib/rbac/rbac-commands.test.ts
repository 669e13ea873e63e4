import { describe, expect, it } from 'vitest'

import { formatShellCommand } from '@/lib/access/cli-commands'

import { buildCreateBindingArgs, buildDeleteBindingArgs, type BindingCommandInput } from './rbac-commands'

const base: BindingCommandInput = {
  kind: 'RoleBinding',
  name: 'devs-view',
  namespace: 'team-a',
  roleKind: 'ClusterRole',
  roleName: 'view',
  subjectKind: 'Group',
  subjectName: 'devs',
}

describe('buildCreateBindingArgs', () => {
  it.each<[string, Partial<BindingCommandInput>, string]>([
    [
      'a group bound to a ClusterRole in a namespace',
      {},
      'kubectl create rolebinding devs-view --clusterrole=view --group=devs -n team-a',
    ],
    [
      'a user bound to a Role',
      { roleKind: 'Role', roleName: 'reader', subjectKind: 'User', subjectName: 'jane' },
      'kubectl create rolebinding devs-view --role=reader --user=jane -n team-a',
    ],
    [
      'a service account defaulting to the binding namespace',
      { subjectKind: 'ServiceAccount', subjectName: 'ci' },
      'kubectl create rolebinding devs-view --clusterrole=view --serviceaccount=team-a:ci -n team-a',
    ],
    [
      'a ClusterRoleBinding',
      { kind: 'ClusterRoleBinding', namespace: undefined },
      'kubectl create clusterrolebinding devs-view --clusterrole=view --group=devs',
    ],
    [
      'placeholders while the form is empty',
      { name: '', roleName: ' ', subjectName: '', namespace: '' },
      "kubectl create rolebinding '<name>' '--clusterrole=<role>' '--group=<name>' -n '<namespace>'",
    ],
    [
      'a name the shell must quote',
      { subjectName: "ops team's" },
      `kubectl create rolebinding devs-view --clusterrole=view '--group=ops team'\\''s' -n team-a`,
    ],
  ])('%s', (_name, change, text) => {
    expect(formatShellCommand(buildCreateBindingArgs({ ...base, ...change }), { width: 200 })).toBe(text)
  })
})

describe('the wrapped echo', () => {
  it('keeps kubectl’s -n with its namespace when the command wraps', () => {
    expect(
      formatShellCommand(
        buildDeleteBindingArgs({ kind: 'RoleBinding', name: 'team-b-devs-view', namespace: 'team-a' }),
      ),
    ).toBe('kubectl delete rolebinding team-b-devs-view \\\n  -n team-a')
    expect(formatShellCommand(buildCreateBindingArgs(base))).toBe(
      'kubectl create rolebinding devs-view \\\n  --clusterrole=view \\\n  --group=devs \\\n  -n team-a',
    )
  })
})

describe('buildDeleteBindingArgs', () => {
  it('names the namespace of a RoleBinding only', () => {
    expect(buildDeleteBindingArgs({ kind: 'RoleBinding', name: 'x', namespace: 'a' })).toEqual([
      'kubectl',
      'delete',
      'rolebinding',
      'x',
      '-n',
      'a',
    ])
    expect(buildDeleteBindingArgs({ kind: 'ClusterRoleBinding', name: 'x' })).toEqual([
      'kubectl',
      'delete',
      'clusterrolebinding',
      'x',
    ])
  })
})
