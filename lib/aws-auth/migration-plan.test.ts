import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'

import { parseAwsAuth } from './aws-auth-parse'
import { planMigration, type ResolvedPrincipal } from './migration-plan'
import { suggestUsername, usernameRefusal } from './migration-username'

const A = 'arn:aws:iam::111122223333'
const ADMIN_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy'

// IAM as the tests see it: every role/user exists at the root path unless listed.
function iam(paths: Record<string, string> = {}, missing: string[] = []) {
  return (arn: string): ResolvedPrincipal => {
    const name = arn.slice(arn.lastIndexOf('/') + 1)
    if (missing.includes(name)) return { status: 'missing' }
    const kind = arn.includes(':role/') ? 'role' : 'user'
    return { status: 'found', arn: `${A}:${kind}${paths[name] ?? '/'}${name}` }
  }
}

function planOne(
  mapping: Record<string, unknown>,
  options: { paths?: Record<string, string>; missing?: string[] } = {},
) {
  const section = 'rolearn' in mapping ? 'mapRoles' : 'mapUsers'
  const plan = planMigration(parseAwsAuth({ [section]: stringify([mapping]) }), iam(options.paths, options.missing), [])
  return plan.items[0]!
}

describe('planMigration: one mapping at a time', () => {
  const cases: Array<{ name: string; mapping: Record<string, unknown>; expected: Record<string, unknown> }> = [
    {
      name: 'system:masters → STANDARD + cluster admin policy, other groups kept',
      mapping: { rolearn: `${A}:role/admin`, username: 'admin', groups: ['system:masters', 'ops'] },
      expected: {
        action: 'create',
        entry: {
          principalArn: `${A}:role/admin`,
          type: 'STANDARD',
          username: 'admin',
          kubernetesGroups: ['ops'],
          policyArns: [ADMIN_POLICY],
        },
      },
    },
    {
      name: 'Linux node role → EC2_LINUX without username or groups',
      mapping: {
        rolearn: `${A}:role/nodes`,
        username: 'system:node:{{EC2PrivateDNSName}}',
        groups: ['system:bootstrappers', 'system:nodes'],
      },
      expected: {
        action: 'create',
        entry: { principalArn: `${A}:role/nodes`, type: 'EC2_LINUX', kubernetesGroups: [], policyArns: [] },
      },
    },
    {
      name: 'Windows node role → EC2_WINDOWS',
      mapping: {
        rolearn: `${A}:role/win`,
        username: 'system:node:{{EC2PrivateDNSName}}',
        groups: ['system:bootstrappers', 'system:nodes', 'eks:kube-proxy-windows'],
      },
      expected: {
        action: 'create',
        entry: { principalArn: `${A}:role/win`, type: 'EC2_WINDOWS', kubernetesGroups: [], policyArns: [] },
      },
    },
    {
      name: 'Fargate pod-execution role → FARGATE_LINUX (eksctl skips it)',
      mapping: {
        rolearn: `${A}:role/fargate`,
        username: 'system:node:{{SessionName}}',
        groups: ['system:bootstrappers', 'system:nodes', 'system:node-proxier'],
      },
      expected: {
        action: 'create',
        entry: { principalArn: `${A}:role/fargate`, type: 'FARGATE_LINUX', kubernetesGroups: [], policyArns: [] },
      },
    },
    {
      name: 'plain RBAC groups → STANDARD with username and groups',
      mapping: { userarn: `${A}:user/jane`, username: 'jane', groups: ['devs'] },
      expected: {
        action: 'create',
        entry: {
          principalArn: `${A}:user/jane`,
          type: 'STANDARD',
          username: 'jane',
          kubernetesGroups: ['devs'],
          policyArns: [],
        },
      },
    },
    {
      name: 'other system: group → skipped, blocks API',
      mapping: { rolearn: `${A}:role/odd`, username: 'odd', groups: ['system:bootstrappers'] },
      expected: { action: 'skip', blocksApi: true, reason: expect.stringContaining('system:bootstrappers') },
    },
    {
      name: 'service-linked role → skipped, blocks API',
      mapping: {
        rolearn: `${A}:role/AWSServiceRoleForAmazonEKS`,
        username: 'x',
        groups: [],
      },
      expected: { action: 'skip', blocksApi: true, reason: expect.stringContaining('Service-linked') },
    },
    {
      name: 'principal missing from IAM → blocker naming both ways out',
      mapping: { rolearn: `${A}:role/gone`, username: 'gone', groups: ['devs'] },
      expected: {
        action: 'blocked',
        blocksApi: true,
        reason: expect.stringContaining('Delete the mapping or create the principal'),
      },
    },
  ]
  it.each(cases)('$name', ({ mapping, expected }) => {
    expect(
      planOne(mapping, {
        missing: ['gone'],
        paths: { AWSServiceRoleForAmazonEKS: '/aws-service-role/eks.amazonaws.com/' },
      }),
    ).toMatchObject(expected)
  })

  it('restores the IAM path aws-auth dropped (SSO roles)', () => {
    const item = planOne(
      { rolearn: `${A}:role/AWSReservedSSO_Admin_abc`, username: 'sso:{{SessionName}}', groups: ['devs'] },
      { paths: { AWSReservedSSO_Admin_abc: '/aws-reserved/sso.amazonaws.com/' } },
    )
    expect(item.entry?.principalArn).toBe(`${A}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_abc`)
    expect(item.entry?.username).toBe('sso:{{SessionName}}')
  })

  it.each([
    ['{{SessionName}}', 'dev:{{SessionName}}'],
    ['{{SessionNameRaw}}', 'dev:{{SessionNameRaw}}'],
    ['key-{{AccessKeyID}}', 'dev:key-{{SessionName}}'],
    ['system:dev', 'dev'],
    ['eks:aws:thing', 'thing'],
  ])('flags the username %s an entry would refuse and suggests %s', (username, suggested) => {
    const item = planOne({ rolearn: `${A}:role/dev`, username, groups: ['devs'] })
    expect(item.action).toBe('create')
    expect(item.entry?.username).toBe(suggested)
    expect(item.notes.join(' ')).toContain(`EKS would refuse the username ${username}`)
  })
})

describe('planMigration: the whole ConfigMap', () => {
  const data = {
    mapRoles: stringify([
      { rolearn: `${A}:role/admin`, username: 'admin', groups: ['system:masters'] },
      { rolearn: `${A}:role/admin`, username: 'admin2', groups: ['devs'] },
      { rolearn: `${A}:role/has-entry`, username: 'x', groups: ['devs'] },
    ]),
    mapAccounts: '- "444455556666"\n',
  }

  it('keeps the mapping the authenticator uses for a duplicate, skips existing entries and mapAccounts', () => {
    const plan = planMigration(parseAwsAuth(data), iam(), [`${A}:role/some/path/has-entry`])
    expect(plan.items.map((i) => [i.id, i.action])).toEqual([
      ['mapRoles[0]', 'skip'],
      ['mapRoles[1]', 'create'],
      ['mapRoles[2]', 'skip'],
      ['mapAccounts[0]', 'skip'],
    ])
    expect(plan.items[0]!.reason).toContain('Duplicate of mapRoles[1]')
    expect(plan.items[2]!.reason).toContain('already has an access entry')
    expect(plan.apiBlockers).toEqual([expect.stringContaining('mapAccounts[0] 444455556666')])
    expect(plan.counts).toEqual({ create: 1, skip: 3, blocked: 0 })
  })

  it('blocks on a section it cannot read, and skips mappings the authenticator ignores', () => {
    const plan = planMigration(
      parseAwsAuth({ mapRoles: '- rolearn: [', mapUsers: '- username: nobody\n  groups: [devs]\n' }),
      iam(),
      [],
    )
    expect(plan.items[0]).toMatchObject({ id: 'mapRoles', action: 'blocked', blocksApi: true })
    expect(plan.items[1]).toMatchObject({ id: 'mapUsers[0]', action: 'skip', blocksApi: false })
  })
})

describe('suggestUsername / usernameRefusal', () => {
  it('leaves EKS to pick the default when nothing valid is left', () => {
    expect(suggestUsername('system:', 'r')).toBeUndefined()
  })
  it('accepts what EKS accepts', () => {
    expect(usernameRefusal('team:{{SessionName}}')).toBeUndefined()
    expect(usernameRefusal('{{SessionName}}')).toBeDefined()
  })
})
