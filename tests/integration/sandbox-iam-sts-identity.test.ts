import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  GetUserCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildOidcProviderArn, CLUSTER_PROD_WEB } from '@/sandbox/core/seed-constants'
import { captureAwsError, startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

let t: TestSandbox
let iam: IAMClient

beforeAll(async () => {
  t = await startTestSandbox()
  iam = new IAMClient({ ...t.admin, maxAttempts: 1 })
})
afterAll(async () => {
  await t.stop()
})

const failureOf = captureAwsError

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

  it('accepts an empty ClientIDList (sent as `ClientIDList=`) and no thumbprints', async () => {
    const created = await iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: 'https://idp.example.com/tenant-1/', ClientIDList: [] }),
    )
    expect(created.OpenIDConnectProviderArn).toBe('arn:aws:iam::111122223333:oidc-provider/idp.example.com/tenant-1')
    const got = await iam.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: created.OpenIDConnectProviderArn }),
    )
    expect(got.Url).toBe('idp.example.com/tenant-1')
    expect(got.ClientIDList ?? []).toEqual([])
    expect(got.ThumbprintList ?? []).toEqual([])
  })

  it('adds a client ID once (adding it again changes nothing), up to 100 per provider', async () => {
    const { OpenIDConnectProviderArn: arn } = await iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: 'https://idp.example.com/audiences', ClientIDList: ['first'] }),
    )
    const add = (ClientID: string) =>
      iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID }))
    const clientIds = async () =>
      (await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))).ClientIDList
    expect((await add('sts.amazonaws.com')).$metadata.httpStatusCode).toBe(200)
    await add('sts.amazonaws.com')
    expect(await clientIds()).toEqual(['first', 'sts.amazonaws.com'])
    for (let i = 2; i < 100; i++) await add(`aud-${i}`)
    expect(await clientIds()).toHaveLength(100)
    expect(await failureOf(add('one-too-many'))).toMatchObject({ name: 'LimitExceededException', status: 409 })
    await add('sts.amazonaws.com') // already there: still no error at the limit
  })

  it.each([
    ['an empty ClientID', ''],
    ['a ClientID of 256 characters', 'a'.repeat(256)],
  ])('rejects %s', async (_name, ClientID) => {
    const arn = buildOidcProviderArn(CLUSTER_PROD_WEB)
    const cmd = new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID })
    expect(await failureOf(iam.send(cmd))).toMatchObject({ name: 'ValidationError', status: 400 })
  })

  it('NoSuchEntity when adding a client ID to an unknown provider', async () => {
    const arn = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/FFFF'
    const cmd = new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'x' })
    expect(await failureOf(iam.send(cmd))).toMatchObject({ name: 'NoSuchEntityException', status: 404 })
  })

  it('NoSuchEntity for an unknown provider', async () => {
    const arn = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/FFFF'
    expect(
      (await failureOf(iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })))).name,
    ).toBe('NoSuchEntityException')
  })
})
