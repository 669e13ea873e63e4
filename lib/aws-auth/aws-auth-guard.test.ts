import { describe, expect, it } from 'vitest'

import { serializeAwsAuth, type AwsAuthMappingInput } from './aws-auth-edit'
import { checkAwsAuthLockout } from './aws-auth-guard'
import { classifyAwsAuthMapping } from './aws-auth-meaning'
import { parseAwsAuth } from './aws-auth-parse'
import { describeAwsAuth } from './aws-auth-view'

const A = '111122223333'
const arn = (name: string) => `arn:aws:iam::${A}:role/${name}`
const node: AwsAuthMappingInput = {
  arn: arn('Node'),
  username: 'system:node:{{EC2PrivateDNSName}}',
  groups: ['system:bootstrappers', 'system:nodes'],
}
const win: AwsAuthMappingInput = { ...node, arn: arn('Win'), groups: [...node.groups, 'eks:kube-proxy-windows'] }
const fargate: AwsAuthMappingInput = {
  arn: arn('Fargate'),
  username: 'system:node:{{SessionName}}',
  groups: ['system:bootstrappers', 'system:nodes', 'system:node-proxier'],
}
const admin: AwsAuthMappingInput = { arn: arn('Admin'), username: 'admin:{{SessionName}}', groups: ['system:masters'] }
const dev: AwsAuthMappingInput = { arn: arn('Dev'), username: 'dev', groups: ['devs'] }
const bare: AwsAuthMappingInput = { arn: arn('Bare'), username: '{{SessionName}}', groups: [] }

describe('classifyAwsAuthMapping', () => {
  it.each([
    [node, 'node'],
    [win, 'windows-node'],
    [fargate, 'fargate'],
    [admin, 'admin'],
    [{ ...node, groups: [...node.groups, 'system:masters'] }, 'admin'],
    [dev, 'rbac-groups'],
    [bare, 'identity-only'],
    [{ ...node, groups: [] }, 'identity-only'],
    [{ ...dev, arn: '' }, 'unreadable'],
  ])('%j is %s', (mapping, meaning) => {
    expect(classifyAwsAuthMapping(mapping)).toBe(meaning)
  })
})

const parsed = (...roles: AwsAuthMappingInput[]) =>
  parseAwsAuth(serializeAwsAuth({ mapRoles: roles, mapUsers: [], mapAccounts: [] }))

describe('checkAwsAuthLockout', () => {
  const run = (
    before: AwsAuthMappingInput[],
    after: AwsAuthMappingInput[],
    extra: Partial<Parameters<typeof checkAwsAuthLockout>[0]> = {},
  ) =>
    checkAwsAuthLockout({
      before: parsed(...before),
      after: parsed(...after),
      clusterName: 'legacy-batch',
      clusterAdminViaAccessEntry: false,
      accessEntryArns: [],
      ...extra,
    })
  it.each([
    ['removing a team mapping', [admin, dev], [admin], []],
    ['removing the last system:masters mapping', [admin, dev], [dev], ['last-admin']],
    ['taking system:masters out of the last admin', [admin], [{ ...admin, groups: ['devs'] }], ['last-admin']],
    ['removing one of two admins', [admin, { ...admin, arn: arn('Admin2') }], [admin], []],
    ['removing the node role', [node, admin], [admin], ['workload']],
    ['removing the Fargate role', [fargate, admin], [admin], ['workload']],
    ['changing the node role username', [node], [{ ...node, username: 'node' }], ['workload']],
    ['removing node and admin', [node, admin], [], ['last-admin', 'workload']],
  ] as const)('%s → %j', (_what, before, after, kinds) => {
    const guard = run([...before], [...after])
    expect(guard.risks.map((r) => r.kind)).toEqual(kinds)
    expect(guard.satisfied).toBe(kinds.length === 0)
  })

  it('accepts the risks when the cluster name is typed, not a wrong one', () => {
    expect(run([node, admin], [], { confirmClusterName: 'legacy-batch' }).satisfied).toBe(true)
    expect(run([node, admin], [], { confirmClusterName: 'legacy' }).satisfied).toBe(false)
  })

  it('lets the last admin go when an access entry gives cluster admin, and a node role go when an entry replaces it', () => {
    expect(run([admin], [], { clusterAdminViaAccessEntry: true }).risks).toEqual([])
    expect(run([node], [], { accessEntryArns: [`arn:aws:iam::${A}:role/some/path/Node`] }).risks).toEqual([])
  })
})

describe('describeAwsAuth', () => {
  const data = serializeAwsAuth({ mapRoles: [node, dev], mapUsers: [], mapAccounts: [A] })
  it('marks rows shadowed by an access entry only in API_AND_CONFIG_MAP, comparing without path and case', () => {
    const entries = [`arn:aws:iam::${A}:role/teams/DEV`]
    const hybrid = describeAwsAuth(data, { authenticationMode: 'API_AND_CONFIG_MAP', accessEntryArns: entries })
    expect(hybrid.mapRoles.map((r) => [r.meaning, r.shadowedByAccessEntry])).toEqual([
      ['node', false],
      ['rbac-groups', true],
    ])
    const legacy = describeAwsAuth(data, { authenticationMode: 'CONFIG_MAP', accessEntryArns: entries })
    expect(legacy.mapRoles.some((r) => r.shadowedByAccessEntry)).toBe(false)
    expect(hybrid.mapAccounts).toEqual([{ index: 0, account: A, problems: [] }])
  })
})
