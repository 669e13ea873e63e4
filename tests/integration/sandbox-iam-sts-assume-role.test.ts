import { CreateRoleCommand, GetRoleCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
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
let sts: STSClient

beforeAll(async () => {
  t = await startTestSandbox()
  iam = new IAMClient({ ...t.admin, maxAttempts: 1 })
  sts = new STSClient({ ...t.admin, maxAttempts: 1 })
})
afterAll(async () => {
  await t.stop()
})

const failureOf = captureAwsError
const trust = buildTrustPolicy

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
