import { DescribeClusterCommand, EKSClient, ListAccessEntriesCommand, ListClustersCommand } from '@aws-sdk/client-eks'
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedUserPoliciesCommand,
  ListPoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROLE_ARNS } from '@/sandbox/core/seed-constants'
import {
  buildTrustPolicy,
  captureAwsError,
  startTestSandbox,
  type SandboxClientConfig,
  type TestSandbox,
} from '@/tests/support/start-test-sandbox'

let t: TestSandbox
let iam: IAMClient

beforeAll(async () => {
  t = await startTestSandbox()
  iam = new IAMClient({ ...t.admin, region: 'us-east-1', maxAttempts: 1 })
})
afterAll(async () => {
  await t.stop()
})

const ACCOUNT = '111122223333'
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement })
const sts = (config: SandboxClientConfig) => new STSClient({ ...config, maxAttempts: 1 })
const eks = (config: SandboxClientConfig) => new EKSClient({ ...config, maxAttempts: 1 })
const assume = (config: SandboxClientConfig, RoleArn: string, RoleSessionName = 'test') =>
  sts(config).send(new AssumeRoleCommand({ RoleArn, RoleSessionName }))

async function sessionOf(config: SandboxClientConfig, roleArn: string): Promise<SandboxClientConfig> {
  const { Credentials: c } = await assume(config, roleArn)
  return t.configFor({
    accessKeyId: c?.AccessKeyId ?? '',
    secretAccessKey: c?.SecretAccessKey ?? '',
    sessionToken: c?.SessionToken,
  })
}

describe('sts:AssumeRole needs an identity-policy Allow when the trust policy names only the account', () => {
  it('refuses carol a root-trusting role her policies do not cover, with STS wording', async () => {
    expect(await captureAwsError(assume(t.users.carol, ROLE_ARNS.TeamADeveloper))).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${ACCOUNT}:user/carol is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARNS.TeamADeveloper}`,
    })
  })

  it('lets carol assume ReadOnlyAuditor (her inline policy allows it) and alice her team role', async () => {
    expect((await assume(t.users.carol, ROLE_ARNS.ReadOnlyAuditor)).AssumedRoleUser?.Arn).toContain('ReadOnlyAuditor')
    expect((await assume(t.users.alice, ROLE_ARNS.TeamADeveloper)).AssumedRoleUser?.Arn).toContain('TeamADeveloper')
  })

  it('a trust policy naming the user grants without any identity policy; an explicit Deny still wins', async () => {
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'carol-direct',
        AssumeRolePolicyDocument: buildTrustPolicy({ AWS: `arn:aws:iam::${ACCOUNT}:user/carol` }),
      }),
    )
    const arn = `arn:aws:iam::${ACCOUNT}:role/carol-direct`
    expect((await assume(t.users.carol, arn)).AssumedRoleUser?.Arn).toContain('carol-direct/test')
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'carol',
        PolicyName: 'no-assume',
        PolicyDocument: doc({
          Effect: 'Deny',
          Action: 'sts:Assume*',
          Resource: `arn:aws:iam::${ACCOUNT}:role/carol-*`,
        }),
      }),
    )
    expect((await captureAwsError(assume(t.users.carol, arn))).name).toBe('AccessDenied')
  })
})

describe('EKS and IAM calls are authorized by identity policies', () => {
  it('answers EKS AccessDeniedException with AWS wording when no policy allows the action', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'nobody' }))
    const readonlySession = await sessionOf(t.users.carol, ROLE_ARNS.ReadOnlyAuditor)
    expect((await eks(readonlySession).send(new ListClustersCommand({}))).clusters).toContain('prod-web')
    // The eksNodeRole-like role below has no EKS permissions at all.
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'no-eks',
        AssumeRolePolicyDocument: buildTrustPolicy({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }),
      }),
    )
    const session = await sessionOf(t.users.alice, `arn:aws:iam::${ACCOUNT}:role/no-eks`)
    expect(await captureAwsError(eks(session).send(new DescribeClusterCommand({ name: 'prod-web' })))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/no-eks/test is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:us-west-2:${ACCOUNT}:cluster/prod-web`,
    })
  })

  it('wildcard Resource scopes an inline Allow to one cluster; NotAction denies the rest', async () => {
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'no-eks',
        PolicyName: 'prod-web-only',
        PolicyDocument: doc(
          { Effect: 'Allow', Action: 'eks:*', Resource: 'arn:aws:eks:*:*:cluster/prod-*' },
          { Effect: 'Deny', NotAction: ['eks:Describe*', 'eks:List*'], Resource: '*' },
        ),
      }),
    )
    const session = await sessionOf(t.users.alice, `arn:aws:iam::${ACCOUNT}:role/no-eks`)
    const client = eks(session)
    expect((await client.send(new DescribeClusterCommand({ name: 'prod-web' }))).cluster?.name).toBe('prod-web')
    expect((await client.send(new ListAccessEntriesCommand({ clusterName: 'prod-web' }))).accessEntries).toBeDefined()
    expect((await captureAwsError(client.send(new DescribeClusterCommand({ name: 'ml-auto' })))).name).toBe(
      'AccessDeniedException',
    )
    const iamAsSession = new IAMClient({ ...session, region: 'us-east-1', maxAttempts: 1 })
    expect(await captureAwsError(iamAsSession.send(new GetRoleCommand({ RoleName: 'no-eks' })))).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/no-eks/test is not authorized to perform: iam:GetRole on resource: arn:aws:iam::${ACCOUNT}:role/no-eks`,
    })
  })

  it('a permissions boundary caps what an attached managed policy allows', async () => {
    await iam.send(
      new AttachRolePolicyCommand({ RoleName: 'no-eks', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
    )
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'no-eks', PolicyName: 'prod-web-only' }))
    const before = await sessionOf(t.users.alice, `arn:aws:iam::${ACCOUNT}:role/no-eks`)
    expect((await eks(before).send(new DescribeClusterCommand({ name: 'ml-auto' }))).cluster?.name).toBe('ml-auto')
    await iam.send(
      new PutRolePermissionsBoundaryCommand({
        RoleName: 'no-eks',
        PermissionsBoundary: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess',
      }),
    )
    const role = await iam.send(new GetRoleCommand({ RoleName: 'no-eks' }))
    expect(role.Role?.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess',
    })
    expect((await captureAwsError(eks(before).send(new DescribeClusterCommand({ name: 'ml-auto' })))).name).toBe(
      'AccessDeniedException',
    )
    const iamAsSession = new IAMClient({ ...before, region: 'us-east-1', maxAttempts: 1 })
    expect((await iamAsSession.send(new GetRoleCommand({ RoleName: 'no-eks' }))).Role?.RoleName).toBe('no-eks')
  })

  it('alice reads her own user but not another one (policy variable ${aws:username})', async () => {
    const aliceIam = new IAMClient({ ...t.users.alice, region: 'us-east-1', maxAttempts: 1 })
    const own = await aliceIam.send(new ListAttachedUserPoliciesCommand({ UserName: 'alice' }))
    expect(own.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['DeveloperSelfService'])
    expect(
      await captureAwsError(aliceIam.send(new ListAttachedUserPoliciesCommand({ UserName: 'bob' }))),
    ).toMatchObject({ name: 'AccessDenied', status: 403 })
  })
})

describe('IAM policy operations (JS SDK wire shapes)', () => {
  it('creates, reads, attaches, lists, detaches and deletes a customer managed policy', async () => {
    const document = doc({ Effect: 'Allow', Action: 'eks:ListClusters', Resource: '*' })
    const { Policy } = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'list-clusters', Path: '/team/', PolicyDocument: document }),
    )
    expect(Policy).toMatchObject({
      PolicyName: 'list-clusters',
      Arn: `arn:aws:iam::${ACCOUNT}:policy/team/list-clusters`,
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      IsAttachable: true,
    })
    expect(Policy?.PolicyId).toMatch(/^ANPA[A-Z0-9]{17}$/)
    const arn = Policy?.Arn ?? ''
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }))
    expect(decodeURIComponent(version.PolicyVersion?.Document ?? '')).toBe(document)
    await iam.send(new AttachUserPolicyCommand({ UserName: 'nobody', PolicyArn: arn }))
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.AttachmentCount).toBe(1)
    const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local', OnlyAttached: true }))
    expect(local.Policies?.map((p) => p.PolicyName)).toContain('list-clusters')
    expect(await captureAwsError(iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).toMatchObject({
      name: 'DeleteConflictException',
      status: 409,
    })
  })

  it('reports IAM errors as IAM does', async () => {
    expect(
      await captureAwsError(
        iam.send(new AttachRolePolicyCommand({ RoleName: 'no-eks', PolicyArn: 'arn:aws:iam::aws:policy/Nope' })),
      ),
    ).toMatchObject({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable.',
    })
    expect(
      await captureAwsError(iam.send(new GetRolePolicyCommand({ RoleName: 'no-eks', PolicyName: 'gone' }))),
    ).toMatchObject({ name: 'NoSuchEntityException', message: 'The role policy with name gone cannot be found.' })
    expect(
      await captureAwsError(
        iam.send(
          new PutRolePolicyCommand({
            RoleName: 'no-eks',
            PolicyName: 'bad',
            PolicyDocument: doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }),
          }),
        ),
      ),
    ).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 })
    expect(
      await captureAwsError(
        iam.send(
          new DetachRolePolicyCommand({ RoleName: 'no-eks', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
        ),
      ),
    ).toMatchObject({ name: 'NoSuchEntityException', status: 404 })
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'no-eks' }))).PolicyNames).toEqual([])
    expect(await captureAwsError(iam.send(new DeleteRoleCommand({ RoleName: 'no-eks' })))).toMatchObject({
      name: 'DeleteConflictException',
    })
  })
})
