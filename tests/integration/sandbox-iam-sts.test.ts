import {
  CreateRoleCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolesCommand,
  UpdateAssumeRolePolicyCommand,
  type Role,
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROLE_ARNS, ROLE_NAMES } from '@/sandbox/core/seed-constants'
import {
  buildTrustPolicy,
  captureAwsError,
  startTestSandbox,
  type TestSandbox,
} from '@/tests/support/start-test-sandbox'

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
const trust = buildTrustPolicy

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
