import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { listMissingPermissions } = await import('./kube-conflict-messages')

const refusal = (...rules: string[]) =>
  'rolebindings.rbac.authorization.k8s.io "x" is forbidden: user "console" (groups=["system:authenticated"]) is ' +
  `attempting to grant RBAC permissions not currently held:\n${rules.join('\n')}`

describe('listMissingPermissions', () => {
  it.each([
    ['a core resource', ['{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list"]}'], ['get, list secrets']],
    [
      'a group and names',
      ['{APIGroups:["apps"], Resources:["deployments"], ResourceNames:["web"], Verbs:["patch"]}'],
      ['patch deployments (apps) named web'],
    ],
    ['a non-resource URL', ['{NonResourceURLs:["/metrics"], Verbs:["get"]}'], ['get /metrics']],
    [
      // Before: binding cluster-admin listed "* * (*); * *".
      'wildcards in words (cluster-admin)',
      ['{APIGroups:["*"], Resources:["*"], Verbs:["*"]}', '{NonResourceURLs:["*"], Verbs:["*"]}'],
      ['every verb on every resource (every API group)', 'every verb on every non-resource URL'],
    ],
  ])('%s', (_name, rules, expected) => {
    expect(listMissingPermissions(refusal(...rules))).toEqual(expected)
  })
})
