import { describe, expect, it } from 'vitest'

import {
  accessScopeSchema,
  associateAccessPolicySchema,
  createAccessEntrySchema,
  nodeRoleAccountProblem,
  principalArnSchema,
  updateAccessEntrySchema,
} from './access-entry-schema'

const ROLE = 'arn:aws:iam::111122223333:role/TeamADeveloper'
const VIEW = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy'
const AUTO_NODE = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAutoNodePolicy'

/** The first issue message, or undefined when the input parsed. */
function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.success ? undefined : result.error?.issues[0]?.message
}

describe('principalArnSchema', () => {
  it.each([
    [ROLE, undefined],
    ['arn:aws:iam::111122223333:role/development/apps/my-role', undefined],
    ['arn:aws:iam::444455556666:user/alice', undefined],
    [
      'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/us-west-2/AWSReservedSSO_DevOps_0a1b2c3d4e5f6789',
      undefined,
    ],
    ['arn:aws-cn:iam::111122223333:role/r', undefined],
    ['  ' + ROLE + '  ', undefined],
    ['', /Enter the ARN/],
    ['TeamADeveloper', /not an IAM ARN/],
    ['arn:aws:iam::1111:role/x', /not an IAM ARN/],
    [
      'arn:aws:sts::111122223333:assumed-role/TeamADeveloper/alice',
      /STS session.*arn:aws:iam::111122223333:role\/TeamADeveloper/,
    ],
    ['arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS', /Service-linked/],
    ['arn:aws:iam::111122223333:group/devs', /groups cannot/],
    ['arn:aws:iam::111122223333:root', /not "root"/],
    ['arn:aws:s3:::bucket', /not an IAM ARN/],
    ['arn:aws:eks:us-west-2:111122223333:cluster/prod-web', /not eks resources/],
    ['arn:aws:iam::111122223333:role/bad name', /characters IAM does not allow/],
  ])('%s → %s', (input, expected) => {
    const message = firstIssue(principalArnSchema.safeParse(input))
    if (expected === undefined) expect(message).toBeUndefined()
    else expect(message).toMatch(expected)
  })
})

describe('accessScopeSchema', () => {
  it.each([
    [{ type: 'cluster' }, undefined],
    [{ type: 'cluster', namespaces: [] }, undefined],
    [{ type: 'namespace', namespaces: ['team-a', 'dev-*', 'shop-*-eu'] }, undefined],
    [{ type: 'cluster', namespaces: ['a'] }, /Cluster scope covers every namespace/],
    [{ type: 'namespace', namespaces: [] }, /at least one namespace/],
    [{ type: 'namespace' }, /List the namespaces/],
    [{ type: 'namespace', namespaces: ['Team-A'] }, /not a valid namespace/],
    [{ type: 'namespace', namespaces: ['-a'] }, /not a valid namespace/],
    [{ type: 'namespace', namespaces: ['a.b'] }, /not a valid namespace/],
    [{ type: 'namespace', namespaces: ['x'.repeat(64)] }, /63 characters/],
    [{ type: 'namespace', namespaces: ['a', 'a'] }, /listed twice/],
    [{ type: 'account' }, /cluster or namespace/],
  ])('%j → %s', (input, expected) => {
    const message = firstIssue(accessScopeSchema.safeParse(input))
    if (expected === undefined) expect(message).toBeUndefined()
    else expect(message).toMatch(expected)
  })
})

describe('associateAccessPolicySchema', () => {
  it.each([
    [{ policyArn: VIEW, accessScope: { type: 'cluster' } }, undefined],
    [
      { policyArn: 'arn:aws:eks::aws:cluster-access-policy/SomeFuturePolicy', accessScope: { type: 'cluster' } },
      undefined,
    ],
    [
      { policyArn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy', accessScope: { type: 'cluster' } },
      /IAM policy ARN/,
    ],
    [{ policyArn: 'AmazonEKSViewPolicy', accessScope: { type: 'cluster' } }, /look like arn:aws:eks/],
  ])('%j → %s', (input, expected) => {
    const message = firstIssue(associateAccessPolicySchema.safeParse(input))
    if (expected === undefined) expect(message).toBeUndefined()
    else expect(message).toMatch(expected)
  })
})

describe('createAccessEntrySchema', () => {
  it('defaults type to STANDARD and groups/policies to empty', () => {
    expect(createAccessEntrySchema.parse({ principalArn: ROLE })).toEqual({
      principalArn: ROLE,
      type: 'STANDARD',
      kubernetesGroups: [],
      accessPolicies: [],
    })
  })

  it.each([
    [{ username: 'team-a:{{SessionName}}', kubernetesGroups: ['team-a-devs'] }, undefined],
    [{ username: 'system:admin' }, /may not start with system:/],
    [{ username: 'EKS:me' }, /may not start with eks:/],
    [{ username: 'amazon:x' }, /amazon:/],
    [{ username: 'john{{SessionName}}' }, /colon somewhere before/],
    [{ username: ':john{{SessionName}}' }, undefined],
    [{ username: '' }, undefined],
    [{ username: '   ' }, undefined],
    [{ kubernetesGroups: ['system:masters'] }, /system: — EKS reserves them.*AmazonEKSClusterAdminPolicy/],
    [{ kubernetesGroups: [''] }, /cannot be empty/],
    [{ kubernetesGroups: ['a b'] }, /spaces/],
    [{ kubernetesGroups: ['devs', 'devs'] }, /listed twice/],
    [{ type: 'EC2_LINUX' }, undefined],
    [{ type: 'EC2_LINUX', kubernetesGroups: ['nodes'] }, /sets the groups/],
    [{ type: 'FARGATE_LINUX', username: 'x' }, /sets the username/],
    [
      { type: 'EC2', accessPolicies: [{ policyArn: VIEW, accessScope: { type: 'cluster' } }] },
      /takes only AmazonEKSAutoNodePolicy/,
    ],
    [
      { type: 'EC2_LINUX', accessPolicies: [{ policyArn: AUTO_NODE, accessScope: { type: 'cluster' } }] },
      /only be associated with STANDARD entries, not EC2_LINUX/,
    ],
    [
      {
        type: 'EC2',
        accessPolicies: [{ policyArn: AUTO_NODE, accessScope: { type: 'namespace', namespaces: ['kube-system'] } }],
      },
      /at cluster scope/,
    ],
    [{ type: 'EC2', accessPolicies: [{ policyArn: AUTO_NODE, accessScope: { type: 'cluster' } }] }, undefined],
    [
      {
        accessPolicies: Array.from({ length: 21 }, (_, i) => ({
          policyArn: `arn:aws:eks::aws:cluster-access-policy/Future${i}`,
          accessScope: { type: 'cluster' },
        })),
      },
      /at most 20/,
    ],
    [{ type: 'HYBRID_LINUX', principalArn: 'arn:aws:iam::111122223333:user/alice' }, /need an IAM role/],
    [{ type: 'WINDOWS' }, /Choose an access entry type/],
    [
      {
        accessPolicies: [
          { policyArn: VIEW, accessScope: { type: 'cluster' } },
          { policyArn: VIEW, accessScope: { type: 'cluster' } },
        ],
      },
      /already in the list.*only once/,
    ],
    [{ tags: { 'aws:owner': 'x' } }, /aws:/],
  ])('%j → %s', (over, expected) => {
    const message = firstIssue(createAccessEntrySchema.safeParse({ principalArn: ROLE, ...over }))
    if (expected === undefined) expect(message).toBeUndefined()
    else expect(message).toMatch(expected)
  })

  it('reports issues on the field the form shows them on', () => {
    const paths = (input: object) => {
      const result = createAccessEntrySchema.safeParse({ principalArn: ROLE, ...input })
      return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))
    }
    const edit = { policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy' }
    expect(
      paths({ accessPolicies: [{ ...edit, accessScope: { type: 'namespace', namespaces: ['Team_A'] } }] }),
    ).toEqual(['accessPolicies.0.accessScope.namespaces.0'])
    const scope = { type: 'cluster' }
    expect(
      paths({
        accessPolicies: [
          { ...edit, accessScope: scope },
          { policyArn: VIEW, accessScope: scope },
          { ...edit, accessScope: scope },
        ],
      }),
    ).toEqual(['accessPolicies.2.policyArn'])
    expect(
      paths({
        type: 'EC2',
        accessPolicies: [
          { policyArn: AUTO_NODE, accessScope: scope },
          { policyArn: VIEW, accessScope: scope },
        ],
      }),
    ).toEqual(['accessPolicies.1.policyArn'])
    expect(paths({ kubernetesGroups: ['ok', 'system:masters'] })).toEqual(['kubernetesGroups.1'])
  })

  it('drops a blank username (EKS then picks the default) and accepts a role with a path', () => {
    const parsed = createAccessEntrySchema.parse({
      principalArn: 'arn:aws:iam::111122223333:role/dev/apps/my-role',
      username: '  ',
      accessPolicies: [
        {
          policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
          accessScope: { type: 'namespace', namespaces: ['team-a', 'dev-*'] },
        },
      ],
    })
    expect(parsed).toMatchObject({ type: 'STANDARD', kubernetesGroups: [] })
    expect(parsed.username).toBeUndefined()
  })

  it('accepts an Auto Mode custom node role (EC2 + AmazonEKSAutoNodePolicy) only from the cluster account', () => {
    const input = {
      principalArn: 'arn:aws:iam::111122223333:role/MlAutoCustomNodeRole',
      type: 'EC2',
      accessPolicies: [{ policyArn: AUTO_NODE, accessScope: { type: 'cluster' } }],
    }
    const parsed = createAccessEntrySchema.parse(input)
    expect(nodeRoleAccountProblem(parsed, '111122223333')).toBeNull()
    expect(nodeRoleAccountProblem(parsed, '444455556666')?.message).toMatch(/cluster's account \(444455556666\)/)
  })
})

describe('nodeRoleAccountProblem', () => {
  const foreign = 'arn:aws:iam::444455556666:role/nodes'
  const own = 'arn:aws:iam::111122223333:role/nodes'
  it.each([
    [
      'a node role from another account',
      { principalArn: foreign, type: 'EC2_LINUX' },
      '111122223333',
      /cluster's account \(111122223333\); this role is in 444455556666/,
    ],
    ['a node role from the same account', { principalArn: own, type: 'EC2_LINUX' }, '111122223333', null],
    ['a STANDARD entry from another account', { principalArn: foreign, type: 'STANDARD' }, '111122223333', null],
    ['an unknown cluster account', { principalArn: foreign, type: 'FARGATE_LINUX' }, null, null],
    ['an ARN that does not parse', { principalArn: 'not-an-arn', type: 'EC2_LINUX' }, '111122223333', null],
  ] as const)('%s', (_label, input, account, expected) => {
    const problem = nodeRoleAccountProblem(input, account)
    if (expected === null) expect(problem).toBeNull()
    else expect(problem).toEqual({ path: ['principalArn'], message: expect.stringMatching(expected) })
  })

  it('leaves the account to the grant: the shared schema accepts a node role from any account', () => {
    expect(createAccessEntrySchema.safeParse({ principalArn: foreign, type: 'EC2_LINUX' }).success).toBe(true)
  })
})

describe('updateAccessEntrySchema', () => {
  it.each([
    [{ username: 'alice' }, undefined],
    [{ kubernetesGroups: [] }, undefined],
    [{}, /Change the username or the groups/],
    [{ kubernetesGroups: ['system:nodes'] }, /system:/],
  ])('%j → %s', (input, expected) => {
    const message = firstIssue(updateAccessEntrySchema.safeParse(input))
    if (expected === undefined) expect(message).toBeUndefined()
    else expect(message).toMatch(expected)
  })
})

describe('schemas never throw on hostile input (property-style)', () => {
  // Deterministic PRNG (mulberry32) so a failure is reproducible from the seed.
  function random(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
  }
  const next = random(20261128)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const junkStrings = [
    '',
    ' ',
    'system:masters',
    'arn:',
    'arn:aws:iam::',
    '::::',
    '\u0000',
    '{{SessionName}}',
    '*',
    'x'.repeat(5000),
    'arn:aws:sts::111122223333:assumed-role/a/b',
    'arn:aws:iam::111122223333:group/g',
  ]
  const junk = (): unknown =>
    pick([
      () => pick(junkStrings),
      () => Math.floor(next() * 1e6),
      () => null,
      () => undefined,
      () => next() < 0.5,
      () => [pick(junkStrings), pick(junkStrings)],
      () => ({ type: pick(['cluster', 'namespace', 'x', 1]), namespaces: pick([null, 'a', [5]]) }),
      () => Symbol('s'),
      () => () => 1,
    ])()

  // Each generated input has at least one field that is wrong by construction, so parsing must fail.
  const badCreate = () => ({
    principalArn: pick(junkStrings),
    type: pick(['STANDARD', 'EC2_LINUX', junk()]),
    username: pick([undefined, junk()]),
    kubernetesGroups: pick([undefined, [], junk()]),
    accessPolicies: pick([undefined, junk(), [junk()]]),
  })
  const badAssociate = () =>
    pick([{ policyArn: pick(junkStrings), accessScope: junk() }, junk(), { accessScope: { type: 'cluster' } }])
  const badScope = () => pick([junk(), { type: 'namespace', namespaces: [pick(junkStrings.filter((j) => j !== '*'))] }])

  it.each([
    ['createAccessEntrySchema', createAccessEntrySchema, badCreate],
    ['associateAccessPolicySchema', associateAccessPolicySchema, badAssociate],
    ['accessScopeSchema', accessScopeSchema, badScope],
    ['principalArnSchema', principalArnSchema, () => pick([...junkStrings, junk()])],
  ] as const)('%s returns issues for 500 generated bad inputs', (_name, schema, generate) => {
    for (let i = 0; i < 500; i++) {
      const input = generate()
      const result = (() => {
        try {
          return schema.safeParse(input)
        } catch (error) {
          throw new Error(`threw on ${String(JSON.stringify(input))}: ${String(error)}`)
        }
      })()
      expect(result.success, `accepted ${String(JSON.stringify(input))}`).toBe(false)
      expect(result.error?.issues.length).toBeGreaterThan(0)
    }
  })
})
