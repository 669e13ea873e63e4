import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProvidersCommand,
  ListRolesCommand,
  ListUsersCommand,
  UpdateAssumeRolePolicyCommand,
  type Role,
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOidcProviderArn, CLUSTER_PROD_WEB, ROLE_ARNS, ROLE_NAMES } from '@/sandbox/core/seed-constants'
import { startTestSandbox, type SandboxClientConfig, type TestSandbox } from '@/tests/support/start-test-sandbox'

let t: TestSandbox
let iam: IAMClient
let sts: STSClient

beforeAll(async () => {
  t = await startTestSandbox()
  iam = new IAMClient({ ...t.admin, maxAttempts: 1 })
  sts = new STSClient({ ...t.admin, maxAttempts: 1 })
})
afterAll(async () => {
  await t.stop()
})

/** Runs a call that must fail; returns the SDK error's name, status and message. */
async function failureOf(
  call: Promise<unknown>,
): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await call
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } }
    return { name: err.name, status: err.$metadata?.httpStatusCode, message: err.message }
  }
  throw new Error('expected the call to fail')
}

const trust = (principal: object): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
  })

describe('IAM roles', () => {
  it('lists every seeded role across Marker pages without repeats', async () => {
    const names: string[] = []
    let marker: string | undefined
    let pages = 0
    do {
      const page = await iam.send(new ListRolesCommand({ MaxItems: 4, Marker: marker }))
      names.push(...(page.Roles ?? []).map((r) => r.RoleName ?? ''))
      expect(page.IsTruncated).toBe(page.Marker !== undefined)
      marker = page.Marker
      pages++
    } while (marker)
    expect(pages).toBe(Math.ceil(ROLE_NAMES.length / 4))
    expect([...names].sort()).toEqual([...ROLE_NAMES].sort())
  })

  it('filters by PathPrefix (the Identity Center role lives under /aws-reserved/)', async () => {
    const res = await iam.send(new ListRolesCommand({ PathPrefix: '/aws-reserved/' }))
    expect(res.Roles?.map((r) => r.Arn)).toEqual([ROLE_ARNS.AWSReservedSSO_DevOps_0a1b2c3d4e5f6789])
  })

  it('returns the trust policy URL-encoded (the JS SDK does not decode it)', async () => {
    const res = await iam.send(new GetRoleCommand({ RoleName: 'orders-s3-reader' }))
    const raw = res.Role?.AssumeRolePolicyDocument ?? ''
    expect(raw.startsWith('%7B')).toBe(true)
    expect(JSON.parse(decodeURIComponent(raw)).Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
    })
    expect(res.Role?.CreateDate).toBeInstanceOf(Date)
    expect(res.Role?.MaxSessionDuration).toBe(3600)
  })

  it('creates a role (path, tags, description) and round-trips its trust policy', async () => {
    const document = trust({ AWS: 'arn:aws:iam::111122223333:user/alice' })
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: 'it-created',
        Path: '/teams/a/',
        AssumeRolePolicyDocument: document,
        Description: 'made by a test & more <chars>',
        Tags: [{ Key: 'team', Value: 'a b+c' }],
      }),
    )
    expect(created.Role?.Arn).toBe('arn:aws:iam::111122223333:role/teams/a/it-created')
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/)
    const got = (await iam.send(new GetRoleCommand({ RoleName: 'it-created' }))).Role as Role
    expect(decodeURIComponent(got.AssumeRolePolicyDocument ?? '')).toBe(document)
    expect(got.Description).toBe('made by a test & more <chars>')
    expect(got.Tags).toEqual([{ Key: 'team', Value: 'a b+c' }])
    expect(got.Path).toBe('/teams/a/')
  })

  it('updates the trust policy', async () => {
    const document = trust({ AWS: '111122223333' })
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'TeamBDeveloper', PolicyDocument: document }))
    const got = await iam.send(new GetRoleCommand({ RoleName: 'TeamBDeveloper' }))
    expect(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? '')).toBe(document)
  })

  it('lists attached managed policies with paging', async () => {
    const first = await iam.send(
      new ListAttachedRolePoliciesCommand({ RoleName: 'AmazonEKSAutoClusterRole', MaxItems: 3 }),
    )
    const second = await iam.send(
      new ListAttachedRolePoliciesCommand({ RoleName: 'AmazonEKSAutoClusterRole', Marker: first.Marker }),
    )
    expect(first.IsTruncated).toBe(true)
    expect(second.IsTruncated).toBe(false)
    const arns = [...(first.AttachedPolicies ?? []), ...(second.AttachedPolicies ?? [])].map((p) => p.PolicyArn)
    expect(arns).toHaveLength(5)
    expect(arns).toContain('arn:aws:iam::aws:policy/AmazonEKSClusterPolicy')
  })

  it.each([
    [
      'GetRole of a missing role',
      () => new GetRoleCommand({ RoleName: 'nope' }),
      'NoSuchEntityException',
      404,
      'The role with name nope cannot be found.',
    ],
    [
      'UpdateAssumeRolePolicy of a missing role',
      () => new UpdateAssumeRolePolicyCommand({ RoleName: 'nope', PolicyDocument: trust({ AWS: '111122223333' }) }),
      'NoSuchEntityException',
      404,
      'The role with name nope cannot be found.',
    ],
    [
      'ListAttachedRolePolicies of a missing role',
      () => new ListAttachedRolePoliciesCommand({ RoleName: 'nope' }),
      'NoSuchEntityException',
      404,
      'cannot be found',
    ],
    [
      'CreateRole with a taken name (case-insensitive)',
      () =>
        new CreateRoleCommand({ RoleName: 'platformadmin', AssumeRolePolicyDocument: trust({ AWS: '111122223333' }) }),
      'EntityAlreadyExistsException',
      409,
      'Role with name platformadmin already exists.',
    ],
    [
      'CreateRole with invalid JSON',
      () => new CreateRoleCommand({ RoleName: 'bad-json', AssumeRolePolicyDocument: '{"Version":' }),
      'MalformedPolicyDocumentException',
      400,
      'invalid Json',
    ],
    [
      'CreateRole without Statement',
      () => new CreateRoleCommand({ RoleName: 'no-stmt', AssumeRolePolicyDocument: '{"Version":"2012-10-17"}' }),
      'MalformedPolicyDocumentException',
      400,
      'Statement',
    ],
    [
      'CreateRole trusting a user that does not exist',
      () =>
        new CreateRoleCommand({
          RoleName: 'ghost',
          AssumeRolePolicyDocument: trust({ AWS: 'arn:aws:iam::111122223333:user/ghost' }),
        }),
      'MalformedPolicyDocumentException',
      400,
      'Invalid principal in policy',
    ],
    [
      'CreateRole with an invalid name',
      () => new CreateRoleCommand({ RoleName: 'bad name!', AssumeRolePolicyDocument: trust({ AWS: '111122223333' }) }),
      'ValidationError',
      400,
      "at 'roleName' failed to satisfy constraint",
    ],
    [
      'CreateRole with an invalid path',
      () =>
        new CreateRoleCommand({
          RoleName: 'badpath',
          Path: 'no-slashes',
          AssumeRolePolicyDocument: trust({ AWS: '111122223333' }),
        }),
      'ValidationError',
      400,
      "at 'path'",
    ],
    [
      'CreateRole with MaxSessionDuration 60',
      () =>
        new CreateRoleCommand({
          RoleName: 'short',
          MaxSessionDuration: 60,
          AssumeRolePolicyDocument: trust({ AWS: '111122223333' }),
        }),
      'ValidationError',
      400,
      'maxSessionDuration',
    ],
    [
      'ListRoles with MaxItems 0',
      () => new ListRolesCommand({ MaxItems: 0 }),
      'ValidationError',
      400,
      'greater than or equal to 1',
    ],
    [
      'ListRoles with MaxItems 1001',
      () => new ListRolesCommand({ MaxItems: 1001 }),
      'ValidationError',
      400,
      'less than or equal to 1000',
    ],
    [
      'ListRoles with a forged Marker',
      () => new ListRolesCommand({ Marker: 'forged' }),
      'InvalidInputException',
      400,
      'Marker',
    ],
  ])('%s', async (_name, command, errorName, status, message) => {
    const failure = await failureOf(iam.send(command() as never))
    expect(failure).toMatchObject({ name: errorName, status })
    expect(failure.message).toContain(message)
  })
})

describe('IAM users', () => {
  it('lists the seeded users', async () => {
    const res = await iam.send(new ListUsersCommand({}))
    expect(res.Users?.map((u) => u.UserName)).toEqual(['admin', 'alice', 'bob', 'carol'])
    expect(res.IsTruncated).toBe(false)
  })

  it.each(['alice', 'bob', 'carol'] as const)('GetUser without a name returns the caller (%s)', async (name) => {
    const client = new IAMClient({ ...t.users[name], maxAttempts: 1 })
    const res = await client.send(new GetUserCommand({}))
    expect(res.User?.Arn).toBe(`arn:aws:iam::111122223333:user/${name}`)
    expect(res.User?.UserId).toMatch(/^AIDA/)
  })

  it('GetUser by name, and NoSuchEntity for a missing user', async () => {
    expect((await iam.send(new GetUserCommand({ UserName: 'bob' }))).User?.UserName).toBe('bob')
    expect(await failureOf(iam.send(new GetUserCommand({ UserName: 'mallory' })))).toMatchObject({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'The user with name mallory cannot be found.',
    })
  })
})

describe('IAM OIDC providers', () => {
  const prodWebArn = buildOidcProviderArn(CLUSTER_PROD_WEB)

  it('lists the seeded providers and gets one (Url without https://)', async () => {
    const list = await iam.send(new ListOpenIDConnectProvidersCommand({}))
    expect(list.OpenIDConnectProviderList?.map((p) => p.Arn)).toContain(prodWebArn)
    const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: prodWebArn }))
    expect(got.Url).toBe(`oidc.eks.us-west-2.amazonaws.com/id/${CLUSTER_PROD_WEB.oidcIssuerId}`)
    expect(got.ClientIDList).toEqual(['sts.amazonaws.com'])
    expect(got.ThumbprintList?.[0]).toMatch(/^[0-9a-f]{40}$/)
  })

  it('creates a provider, then rejects the same Url', async () => {
    const input = {
      Url: 'https://oidc.eks.us-east-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF',
      ClientIDList: ['sts.amazonaws.com'],
      ThumbprintList: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
      Tags: [{ Key: 'cluster', Value: 'new' }],
    }
    const created = await iam.send(new CreateOpenIDConnectProviderCommand(input))
    expect(created.OpenIDConnectProviderArn).toBe(
      'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF',
    )
    const got = await iam.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: created.OpenIDConnectProviderArn }),
    )
    expect(got.Tags).toEqual([{ Key: 'cluster', Value: 'new' }])
    expect(await failureOf(iam.send(new CreateOpenIDConnectProviderCommand(input)))).toMatchObject({
      name: 'EntityAlreadyExistsException',
      status: 409,
    })
  })

  it.each([
    ['an http Url', { Url: 'http://issuer.example.com' }, 'InvalidInputException'],
    [
      'a thumbprint that is not 40 hex chars',
      { Url: 'https://a.example.com', ThumbprintList: ['abc'] },
      'ValidationError',
    ],
    [
      'six thumbprints',
      { Url: 'https://b.example.com', ThumbprintList: Array(6).fill('9e99a48a9960b14926bb7f3b02e22da2b0ab7280') },
      'ValidationError',
    ],
  ])('rejects %s', async (_name, input, errorName) => {
    expect((await failureOf(iam.send(new CreateOpenIDConnectProviderCommand(input)))).name).toBe(errorName)
  })

  it('NoSuchEntity for an unknown provider', async () => {
    const arn = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/FFFF'
    expect(
      (await failureOf(iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })))).name,
    ).toBe('NoSuchEntityException')
  })
})

describe('STS', () => {
  const sessionConfig = (c: {
    AccessKeyId?: string
    SecretAccessKey?: string
    SessionToken?: string
  }): SandboxClientConfig =>
    t.configFor({
      accessKeyId: c.AccessKeyId ?? '',
      secretAccessKey: c.SecretAccessKey ?? '',
      sessionToken: c.SessionToken,
    })

  it.each(['admin', 'alice', 'bob', 'carol'] as const)('GetCallerIdentity as %s', async (name) => {
    const res = await new STSClient(t.users[name]).send(new GetCallerIdentityCommand({}))
    expect(res).toMatchObject({ Account: '111122223333', Arn: `arn:aws:iam::111122223333:user/${name}` })
    expect(res.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/)
  })

  it('AssumeRole returns session credentials the sandbox accepts, as the assumed-role caller', async () => {
    const aliceSts = new STSClient({ ...t.users.alice, maxAttempts: 1 })
    const assumed = await aliceSts.send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARNS.TeamADeveloper, RoleSessionName: 'alice@example.com' }),
    )
    const role = await iam.send(new GetRoleCommand({ RoleName: 'TeamADeveloper' }))
    expect(assumed.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/)
    expect(assumed.Credentials?.Expiration?.getTime()).toBeGreaterThan(Date.now() + 3500_000)
    expect(assumed.AssumedRoleUser).toEqual({
      AssumedRoleId: `${role.Role?.RoleId}:alice@example.com`,
      Arn: 'arn:aws:sts::111122223333:assumed-role/TeamADeveloper/alice@example.com',
    })
    const session = sessionConfig(assumed.Credentials ?? {})
    const me = await new STSClient(session).send(new GetCallerIdentityCommand({}))
    expect(me).toMatchObject({ Arn: assumed.AssumedRoleUser?.Arn, UserId: assumed.AssumedRoleUser?.AssumedRoleId })
    // The session works for IAM too, but is not a user.
    const sessionIam = new IAMClient({ ...session, maxAttempts: 1 })
    expect((await sessionIam.send(new GetRoleCommand({ RoleName: 'PlatformAdmin' }))).Role?.RoleName).toBe(
      'PlatformAdmin',
    )
    expect(await failureOf(sessionIam.send(new GetUserCommand({})))).toMatchObject({
      name: 'ValidationError',
      status: 400,
    })
    // A wrong session token is rejected.
    const forged = new STSClient({
      ...session,
      credentials: { ...session.credentials, sessionToken: 'forged' },
      maxAttempts: 1,
    })
    expect(await failureOf(forged.send(new GetCallerIdentityCommand({})))).toMatchObject({
      name: 'InvalidClientTokenId',
      status: 403,
    })
  })

  it('honours a trust policy that names one role (role chaining), capped at one hour', async () => {
    const alice = new STSClient({ ...t.users.alice, maxAttempts: 1 })
    const direct = await failureOf(
      alice.send(new AssumeRoleCommand({ RoleArn: ROLE_ARNS.BreakGlassAdmin, RoleSessionName: 'try' })),
    )
    expect(direct).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARNS.BreakGlassAdmin}`,
    })
    const platform = await alice.send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARNS.PlatformAdmin, RoleSessionName: 'alice' }),
    )
    const chained = new STSClient({ ...sessionConfig(platform.Credentials ?? {}), maxAttempts: 1 })
    const breakGlass = await chained.send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARNS.BreakGlassAdmin, RoleSessionName: 'incident-42' }),
    )
    expect(breakGlass.AssumedRoleUser?.Arn).toBe('arn:aws:sts::111122223333:assumed-role/BreakGlassAdmin/incident-42')
    const tooLong = await failureOf(
      chained.send(
        new AssumeRoleCommand({ RoleArn: ROLE_ARNS.BreakGlassAdmin, RoleSessionName: 'x2', DurationSeconds: 7200 }),
      ),
    )
    expect(tooLong).toMatchObject({ name: 'ValidationError', status: 400 })
  })

  it.each([
    ['a service-trusted role', ROLE_ARNS.eksClusterRole, 'ok-name', 'AccessDenied', 403],
    ['a Pod Identity role', ROLE_ARNS['orders-s3-reader'], 'ok-name', 'AccessDenied', 403],
    ['an IRSA role', ROLE_ARNS['billing-irsa'], 'ok-name', 'AccessDenied', 403],
    ['the SAML-trusted SSO role', ROLE_ARNS.AWSReservedSSO_DevOps_0a1b2c3d4e5f6789, 'ok-name', 'AccessDenied', 403],
    [
      'a missing role (also AccessDenied in real STS)',
      'arn:aws:iam::111122223333:role/missing',
      'ok-name',
      'AccessDenied',
      403,
    ],
    [
      'a role in another account',
      'arn:aws:iam::444455556666:role/cross-account-target',
      'ok-name',
      'AccessDenied',
      403,
    ],
    ['a one-character session name', ROLE_ARNS.PlatformAdmin, 'a', 'ValidationError', 400],
    ['a session name with a space', ROLE_ARNS.PlatformAdmin, 'bad name', 'ValidationError', 400],
    ['a 65-character session name', ROLE_ARNS.PlatformAdmin, 'x'.repeat(65), 'ValidationError', 400],
  ])('AssumeRole of %s → %s', async (_name, roleArn, sessionName, errorName, status) => {
    expect(
      await failureOf(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName }))),
    ).toMatchObject({
      name: errorName,
      status,
    })
  })

  it('AssumeRole of a role created at runtime, with its trust policy', async () => {
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'bob-only',
        AssumeRolePolicyDocument: trust({ AWS: 'arn:aws:iam::111122223333:user/bob' }),
      }),
    )
    const arn = 'arn:aws:iam::111122223333:role/bob-only'
    const bob = new STSClient({ ...t.users.bob, maxAttempts: 1 })
    const carol = new STSClient({ ...t.users.carol, maxAttempts: 1 })
    expect(
      (await bob.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'bob' }))).AssumedRoleUser?.Arn,
    ).toContain('bob-only/bob')
    expect((await failureOf(carol.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'carol' })))).name).toBe(
      'AccessDenied',
    )
  })
})
