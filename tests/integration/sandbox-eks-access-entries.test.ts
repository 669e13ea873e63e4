import {
  AssociateAccessPolicyCommand,
  CreateAccessEntryCommand,
  DeleteAccessEntryCommand,
  DescribeAccessEntryCommand,
  DisassociateAccessPolicyCommand,
  ListAccessEntriesCommand,
  ListAssociatedAccessPoliciesCommand,
  paginateListAccessEntries,
  paginateListAccessPolicies,
  paginateListAssociatedAccessPolicies,
  UpdateAccessEntryCommand,
  type CreateAccessEntryCommandInput,
} from '@aws-sdk/client-eks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OTHER_ACCOUNT_ID, ROLE_ARNS, SSO_ROLE_NAME, USER_ARNS } from '@/sandbox/core/seed-constants'

import { catchError, startEksTestServer, type EksTestServer } from './sandbox-eks-harness'

const policy = (name: string): string => `arn:aws:eks::aws:cluster-access-policy/${name}`
const SSO_ROLE_ARN = ROLE_ARNS[SSO_ROLE_NAME]
const SLR_ARN = 'arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS'

let sandbox: EksTestServer

beforeAll(async () => {
  sandbox = await startEksTestServer()
})
afterAll(() => sandbox.close())

describe('CreateAccessEntry / DescribeAccessEntry', () => {
  it('creates an entry for a pathed SSO role: default username drops the path, ARN round-trips in the URI', async () => {
    const client = sandbox.client()
    const created = await client.send(
      new CreateAccessEntryCommand({ clusterName: 'ml-auto', principalArn: SSO_ROLE_ARN }),
    )
    expect(created.accessEntry).toMatchObject({
      clusterName: 'ml-auto',
      principalArn: SSO_ROLE_ARN,
      type: 'STANDARD',
      kubernetesGroups: [],
      username: `arn:aws:sts::111122223333:assumed-role/${SSO_ROLE_NAME}/{{SessionName}}`,
    })
    expect(created.accessEntry?.accessEntryArn).toMatch(
      new RegExp(
        `^arn:aws:eks:us-west-2:111122223333:access-entry/ml-auto/role/111122223333/${SSO_ROLE_NAME}/[0-9a-f-]{36}$`,
      ),
    )
    expect(created.accessEntry?.createdAt).toBeInstanceOf(Date)
    const described = await client.send(
      new DescribeAccessEntryCommand({ clusterName: 'ml-auto', principalArn: SSO_ROLE_ARN }),
    )
    expect(described.accessEntry?.accessEntryArn).toBe(created.accessEntry?.accessEntryArn)
    expect(sandbox.world.eks.clusters['us-west-2']?.['ml-auto']?.accessEntries[SSO_ROLE_ARN]?.principalId).toMatch(
      /^AROA/,
    )
  })

  it('uses the user ARN as default username for IAM users', async () => {
    const { accessEntry } = await sandbox.client().send(
      new CreateAccessEntryCommand({
        clusterName: 'ml-auto',
        principalArn: USER_ARNS.alice,
        kubernetesGroups: ['ml-devs'],
      }),
    )
    expect(accessEntry?.username).toBe(USER_ARNS.alice)
    expect(accessEntry?.kubernetesGroups).toEqual(['ml-devs'])
  })

  it('accepts a principal of another account for STANDARD entries without IAM lookup', async () => {
    const arn = `arn:aws:iam::${OTHER_ACCOUNT_ID}:role/partner-readonly`
    const { accessEntry } = await sandbox
      .client('eu-west-1')
      .send(new CreateAccessEntryCommand({ clusterName: 'eu-shop', principalArn: arn }))
    expect(accessEntry?.username).toBe(`arn:aws:sts::${OTHER_ACCOUNT_ID}:assumed-role/partner-readonly/{{SessionName}}`)
  })

  it('gives EC2_LINUX entries the system:nodes group and node username (UG casing EC2_Linux accepted)', async () => {
    const { accessEntry } = await sandbox.client().send(
      new CreateAccessEntryCommand({
        clusterName: 'ml-auto',
        principalArn: ROLE_ARNS.eksNodeRole,
        type: 'EC2_Linux',
      }),
    )
    expect(accessEntry).toMatchObject({
      type: 'EC2_LINUX',
      kubernetesGroups: ['system:nodes'],
      username: 'system:node:{{EC2PrivateDNSName}}',
    })
  })

  it('replays a create with the same clientRequestToken instead of answering 409', async () => {
    const input = { clusterName: 'ml-auto', principalArn: ROLE_ARNS.TeamBDeveloper, clientRequestToken: 'tok-create-1' }
    const first = await sandbox.client().send(new CreateAccessEntryCommand(input))
    const second = await sandbox.client().send(new CreateAccessEntryCommand(input))
    expect(second.accessEntry?.accessEntryArn).toBe(first.accessEntry?.accessEntryArn)
  })

  it.each([
    [
      'a duplicate principal',
      { clusterName: 'prod-web', principalArn: ROLE_ARNS.PlatformAdmin },
      'ResourceInUseException',
      'The specified access entry resource is already in use on this cluster.',
      409,
    ],
    [
      'a CONFIG_MAP cluster',
      { clusterName: 'legacy-batch', principalArn: ROLE_ARNS.PlatformAdmin },
      'InvalidRequestException',
      "The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.",
      400,
    ],
    [
      'a system: group',
      { clusterName: 'eu-shop', principalArn: USER_ARNS.bob, kubernetesGroups: ['system:masters'] },
      'InvalidParameterException',
      'The kubernetes group name system:masters is invalid, it cannot start with system:',
      400,
    ],
    [
      'a system: username',
      { clusterName: 'eu-shop', principalArn: USER_ARNS.bob, username: 'system:bob' },
      'InvalidParameterException',
      'The username must not begin with system:',
      400,
    ],
    [
      'a service-linked role',
      { clusterName: 'eu-shop', principalArn: SLR_ARN },
      'InvalidParameterException',
      'The caller is not allowed to modify access entries with a principalArn value of a Service Linked Role',
      400,
    ],
    [
      'a role that does not exist in IAM',
      { clusterName: 'eu-shop', principalArn: 'arn:aws:iam::111122223333:role/ghost' },
      'InvalidParameterException',
      'The specified principalArn is invalid: invalid principal.',
      400,
    ],
    [
      'a node type with groups',
      { clusterName: 'eu-shop', principalArn: ROLE_ARNS.MlAutoCustomNodeRole, type: 'EC2', kubernetesGroups: ['x'] },
      'InvalidParameterException',
      'This operation can only be performed on Access Entries with a type of "STANDARD".',
      400,
    ],
  ] as [string, CreateAccessEntryCommandInput & { clusterName: string }, string, string, number][])(
    'rejects %s',
    async (_case, input, name, message, status) => {
      const region = input.clusterName === 'eu-shop' ? 'eu-west-1' : 'us-west-2'
      const err = await catchError(() => sandbox.client(region).send(new CreateAccessEntryCommand({ ...input })))
      expect(err.name).toBe(name)
      expect(err.message).toBe(message)
      expect(err.$metadata?.httpStatusCode).toBe(status)
    },
  )

  it.each([
    ['an STS session ARN', 'arn:aws:sts::111122223333:assumed-role/PlatformAdmin/alice', undefined],
    ['an IAM group', 'arn:aws:iam::111122223333:group/devs', undefined],
    ['a node type from another account', `arn:aws:iam::${OTHER_ACCOUNT_ID}:role/nodes`, 'EC2_LINUX'],
    ['a node type for a user', USER_ARNS.carol, 'FARGATE_LINUX'],
    ['an unknown type', USER_ARNS.carol, 'WINDOWS'],
  ])('rejects %s with InvalidParameterException', async (_case, principalArn, type) => {
    const err = await catchError(() =>
      sandbox.client('eu-west-1').send(new CreateAccessEntryCommand({ clusterName: 'eu-shop', principalArn, type })),
    )
    expect(err.name).toBe('InvalidParameterException')
  })

  it('answers a missing entry with ResourceNotFoundException', async () => {
    const err = await catchError(() =>
      sandbox.client().send(new DescribeAccessEntryCommand({ clusterName: 'prod-web', principalArn: USER_ARNS.carol })),
    )
    expect(err.name).toBe('ResourceNotFoundException')
    expect(err.$metadata?.httpStatusCode).toBe(404)
  })
})

describe('ListAccessEntries', () => {
  it('pages bare principal ARNs with the SDK paginator', async () => {
    const pages: string[][] = []
    for await (const page of paginateListAccessEntries(
      { client: sandbox.client(), pageSize: 3 },
      { clusterName: 'prod-web' },
    )) {
      pages.push(page.accessEntries ?? [])
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2])
    const all = pages.flat()
    expect(all).toContain(SSO_ROLE_ARN)
    expect(new Set(all).size).toBe(8)
  })

  it('filters by associatedPolicyArn', async () => {
    const { accessEntries } = await sandbox.client().send(
      new ListAccessEntriesCommand({
        clusterName: 'prod-web',
        associatedPolicyArn: policy('AmazonEKSClusterAdminPolicy'),
      }),
    )
    // Sorted by ARN: role/… before user/….
    expect(accessEntries).toEqual([ROLE_ARNS.PlatformAdmin, USER_ARNS.admin])
  })
})

describe('UpdateAccessEntry / DeleteAccessEntry', () => {
  it('replaces groups and username of a STANDARD entry', async () => {
    const { accessEntry } = await sandbox.client().send(
      new UpdateAccessEntryCommand({
        clusterName: 'prod-web',
        principalArn: ROLE_ARNS.TeamBDeveloper,
        kubernetesGroups: ['team-b-leads'],
        username: 'team-b-lead:{{SessionName}}',
      }),
    )
    expect(accessEntry?.kubernetesGroups).toEqual(['team-b-leads'])
    expect(accessEntry?.username).toBe('team-b-lead:{{SessionName}}')
    expect(accessEntry?.modifiedAt?.getTime()).toBeGreaterThan(accessEntry?.createdAt?.getTime() ?? Infinity)
  })

  it('rejects {{SessionName}} without a preceding colon', async () => {
    const err = await catchError(() =>
      sandbox.client().send(
        new UpdateAccessEntryCommand({
          clusterName: 'prod-web',
          principalArn: ROLE_ARNS.TeamBDeveloper,
          username: 'john{{SessionName}}',
        }),
      ),
    )
    expect(err.name).toBe('InvalidParameterException')
  })

  it('rejects group edits on a node entry and any change to the service-linked role entry', async () => {
    const node = await catchError(() =>
      sandbox.client().send(
        new UpdateAccessEntryCommand({
          clusterName: 'prod-web',
          principalArn: ROLE_ARNS.eksNodeRole,
          kubernetesGroups: ['x'],
        }),
      ),
    )
    expect(node.message).toBe('This operation can only be performed on Access Entries with a type of "STANDARD".')
    const slr = await catchError(() =>
      sandbox.client().send(new DeleteAccessEntryCommand({ clusterName: 'ml-auto', principalArn: SLR_ARN })),
    )
    expect(slr.name).toBe('InvalidParameterException')
  })

  it('deletes an entry together with its policy associations', async () => {
    const client = sandbox.client('eu-west-1')
    const ref = { clusterName: 'eu-shop', principalArn: ROLE_ARNS.TeamADeveloper }
    expect(await client.send(new DeleteAccessEntryCommand(ref))).toMatchObject({ $metadata: { httpStatusCode: 200 } })
    await client.send(new CreateAccessEntryCommand(ref))
    const { associatedAccessPolicies } = await client.send(new ListAssociatedAccessPoliciesCommand(ref))
    expect(associatedAccessPolicies).toEqual([])
  })
})

describe('access policies', () => {
  const ref = { clusterName: 'prod-web', principalArn: ROLE_ARNS.BreakGlassAdmin }

  it('lists the catalogue (34 policies) with the paginator', async () => {
    const arns: string[] = []
    for await (const page of paginateListAccessPolicies({ client: sandbox.client(), pageSize: 10 }, {})) {
      arns.push(...(page.accessPolicies ?? []).map((p) => p.arn ?? ''))
    }
    expect(arns).toHaveLength(34)
    expect(arns).toContain(policy('AmazonEKSClusterAdminPolicy'))
    expect(arns).toContain(policy('AmazonEKSClusterInsightsPolicy'))
  })

  it('associates with a wildcard namespace scope, then re-association replaces the scope', async () => {
    const client = sandbox.client()
    const first = await client.send(
      new AssociateAccessPolicyCommand({
        ...ref,
        policyArn: policy('AmazonEKSEditPolicy'),
        accessScope: { type: 'namespace', namespaces: ['team-*', 'orders'] },
      }),
    )
    expect(first).toMatchObject({
      clusterName: 'prod-web',
      principalArn: ROLE_ARNS.BreakGlassAdmin,
      associatedAccessPolicy: { accessScope: { type: 'namespace', namespaces: ['team-*', 'orders'] } },
    })
    expect(first.associatedAccessPolicy?.associatedAt).toBeInstanceOf(Date)
    await client.send(
      new AssociateAccessPolicyCommand({
        ...ref,
        policyArn: policy('AmazonEKSEditPolicy'),
        accessScope: { type: 'cluster' },
      }),
    )
    await client.send(
      new AssociateAccessPolicyCommand({
        ...ref,
        policyArn: policy('AmazonEKSViewPolicy'),
        accessScope: { type: 'cluster' },
      }),
    )
    const listed: { policyArn?: string; accessScope?: { type?: string; namespaces?: string[] } }[] = []
    // Paginators write nextToken/maxResults into the input object they are given: pass a copy.
    for await (const page of paginateListAssociatedAccessPolicies({ client, pageSize: 1 }, { ...ref })) {
      expect(page.principalArn).toBe(ROLE_ARNS.BreakGlassAdmin)
      listed.push(...(page.associatedAccessPolicies ?? []))
    }
    expect(listed.map((p) => [p.policyArn, p.accessScope?.type, p.accessScope?.namespaces])).toEqual([
      [policy('AmazonEKSEditPolicy'), 'cluster', []],
      [policy('AmazonEKSViewPolicy'), 'cluster', []],
    ])
  })

  it('disassociates a policy (policy ARN as one encoded URI segment)', async () => {
    const client = sandbox.client()
    await client.send(new DisassociateAccessPolicyCommand({ ...ref, policyArn: policy('AmazonEKSViewPolicy') }))
    const { associatedAccessPolicies } = await client.send(new ListAssociatedAccessPoliciesCommand(ref))
    expect(associatedAccessPolicies?.map((p) => p.policyArn)).toEqual([policy('AmazonEKSEditPolicy')])
    const again = await catchError(() =>
      client.send(new DisassociateAccessPolicyCommand({ ...ref, policyArn: policy('AmazonEKSViewPolicy') })),
    )
    expect(again.name).toBe('ResourceNotFoundException')
  })

  it.each([
    ['an unknown policy', { policyArn: policy('AmazonEKSMadeUpPolicy'), accessScope: { type: 'cluster' as const } }],
    [
      'namespace scope without namespaces',
      { policyArn: policy('AmazonEKSViewPolicy'), accessScope: { type: 'namespace' as const } },
    ],
    [
      'a bad scope type',
      { policyArn: policy('AmazonEKSViewPolicy'), accessScope: { type: 'everything' as 'cluster' } },
    ],
  ])('rejects %s with InvalidParameterException', async (_case, input) => {
    const err = await catchError(() => sandbox.client().send(new AssociateAccessPolicyCommand({ ...ref, ...input })))
    expect(err.name).toBe('InvalidParameterException')
  })

  it('rejects policies on an EC2_LINUX entry with the STANDARD-only message', async () => {
    const err = await catchError(() =>
      sandbox.client().send(
        new AssociateAccessPolicyCommand({
          clusterName: 'prod-web',
          principalArn: ROLE_ARNS.eksNodeRole,
          policyArn: policy('AmazonEKSViewPolicy'),
          accessScope: { type: 'cluster' },
        }),
      ),
    )
    expect(err.name).toBe('InvalidParameterException')
    expect(err.message).toBe('This operation can only be performed on Access Entries with a type of "STANDARD".')
  })
})
