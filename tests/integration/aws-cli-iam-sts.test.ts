import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  ADMIN_ACCESS_KEY,
  ROLE_ARNS,
  ROLE_NAMES,
  USER_ACCESS_KEYS,
  type AccessKeyPair,
} from '@/sandbox/core/seed-constants'
import { verifyEksBearerToken } from '@/sandbox/sts/presigned-caller'
import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

const run = promisify(execFile)
let t: TestSandbox
let emptyConfig: string

beforeAll(async () => {
  t = await startTestSandbox()
  emptyConfig = join(t.stateDir, 'empty-aws-config')
  await writeFile(emptyConfig, '')
})
afterAll(async () => {
  await t.stop()
})

interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs aws-cli 1.45 with only the given credentials: config and credentials files point at an empty file so
 * nothing configured on the machine leaks in.
 */
async function runAws(
  args: string[],
  opts: { key?: AccessKeyPair & { sessionToken?: string }; env?: Record<string, string>; endpoint?: boolean } = {},
): Promise<CliResult> {
  const key: AccessKeyPair & { sessionToken?: string } = opts.key ?? ADMIN_ACCESS_KEY
  const env: NodeJS.ProcessEnv = {
    // Next.js types make NODE_ENV required on ProcessEnv; the CLI ignores it.
    NODE_ENV: 'test',
    PATH: process.env.PATH ?? '',
    HOME: t.stateDir,
    AWS_CONFIG_FILE: emptyConfig,
    AWS_SHARED_CREDENTIALS_FILE: emptyConfig,
    AWS_ACCESS_KEY_ID: key.accessKeyId,
    AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-west-2',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...(key.sessionToken ? { AWS_SESSION_TOKEN: key.sessionToken } : {}),
    ...opts.env,
  }
  const fullArgs = [...(opts.endpoint === false ? [] : ['--endpoint-url', t.url]), ...args, '--output', 'json']
  try {
    const { stdout, stderr } = await run('aws', fullArgs, { env, timeout: 30_000, encoding: 'utf8' })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' }
  }
}

async function runAwsJson<T>(args: string[], opts: Parameters<typeof runAws>[1] = {}): Promise<T> {
  const res = await runAws(args, opts)
  if (res.code !== 0) throw new Error(`aws ${args.join(' ')} failed (${res.code}): ${res.stderr}`)
  return JSON.parse(res.stdout) as T
}

describe('aws CLI against the sandbox', () => {
  it('sts get-caller-identity', async () => {
    const res = await runAwsJson<{ Arn: string; Account: string; UserId: string }>(['sts', 'get-caller-identity'])
    expect(res).toMatchObject({ Arn: 'arn:aws:iam::111122223333:user/admin', Account: '111122223333' })
    const bob = await runAwsJson<{ Arn: string }>(['sts', 'get-caller-identity'], { key: USER_ACCESS_KEYS.bob })
    expect(bob.Arn).toBe('arn:aws:iam::111122223333:user/bob')
  })

  it('iam list-roles paginates through every role with Marker (small pages) and decodes trust policies', async () => {
    const res = await runAwsJson<{ Roles: { RoleName: string; AssumeRolePolicyDocument: { Statement: unknown[] } }[] }>(
      ['iam', 'list-roles', '--page-size', '5'],
    )
    expect(res.Roles.map((r) => r.RoleName).sort()).toEqual([...ROLE_NAMES].sort())
    // botocore URL-decodes and parses the document: it arrives as an object.
    expect(Array.isArray(res.Roles[0]?.AssumeRolePolicyDocument.Statement)).toBe(true)
  })

  it('iam get-role', async () => {
    const res = await runAwsJson<{
      Role: { Arn: string; AssumeRolePolicyDocument: { Statement: { Principal: unknown; Condition: unknown }[] } }
    }>(['iam', 'get-role', '--role-name', 'billing-irsa'])
    expect(res.Role.Arn).toBe(ROLE_ARNS['billing-irsa'])
    expect(JSON.stringify(res.Role.AssumeRolePolicyDocument.Statement[0]?.Condition)).toContain(
      'system:serviceaccount:billing:billing-api',
    )
  })

  it.each([
    ['a missing role', ['iam', 'get-role', '--role-name', 'nope'], ADMIN_ACCESS_KEY, 'NoSuchEntity'],
    [
      'a wrong secret',
      ['sts', 'get-caller-identity'],
      { ...ADMIN_ACCESS_KEY, secretAccessKey: 'z'.repeat(40) },
      'SignatureDoesNotMatch',
    ],
    [
      'an unknown key',
      ['iam', 'list-users'],
      { accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'z'.repeat(40) },
      'InvalidClientTokenId',
    ],
    [
      'an AssumeRole of a root-trusting role no identity policy of the caller allows',
      ['sts', 'assume-role', '--role-arn', ROLE_ARNS.TeamADeveloper, '--role-session-name', 'x1'],
      USER_ACCESS_KEYS.carol,
      'AccessDenied',
    ],
    [
      'an IAM write the caller has no policy for',
      ['iam', 'put-user-policy', '--user-name', 'carol', '--policy-name', 'p', '--policy-document', '{}'],
      USER_ACCESS_KEYS.carol,
      'AccessDenied',
    ],
    [
      'an EKS write the caller has no policy for',
      ['eks', 'delete-access-entry', '--cluster-name', 'prod-web', '--principal-arn', ROLE_ARNS.TeamADeveloper],
      USER_ACCESS_KEYS.bob,
      'AccessDeniedException',
    ],
    [
      'an untrusted AssumeRole',
      ['sts', 'assume-role', '--role-arn', ROLE_ARNS.BreakGlassAdmin, '--role-session-name', 'x1'],
      USER_ACCESS_KEYS.carol,
      'AccessDenied',
    ],
  ])('reports %s', async (_name, args, key, code) => {
    const res = await runAws(args, { key })
    expect(res.code).not.toBe(0)
    expect(res.stderr).toContain(`(${code})`)
  })

  it('iam create-role with a path and a form-encoded policy, then assume it with the CLI', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' }, Action: 'sts:AssumeRole' },
      ],
    })
    const created = await runAwsJson<{ Role: { Arn: string } }>([
      'iam',
      'create-role',
      '--role-name',
      'cli-made',
      '--path',
      '/cli/x/',
      '--assume-role-policy-document',
      policy,
      '--description',
      'a b+c&d',
    ])
    expect(created.Role.Arn).toBe('arn:aws:iam::111122223333:role/cli/x/cli-made')
    const assumed = await runAwsJson<{
      Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string }
    }>(['sts', 'assume-role', '--role-arn', created.Role.Arn, '--role-session-name', 'alice-cli'], {
      key: USER_ACCESS_KEYS.alice,
    })
    const me = await runAwsJson<{ Arn: string }>(['sts', 'get-caller-identity'], {
      key: {
        accessKeyId: assumed.Credentials.AccessKeyId,
        secretAccessKey: assumed.Credentials.SecretAccessKey,
        sessionToken: assumed.Credentials.SessionToken,
      },
    })
    expect(me.Arn).toBe('arn:aws:sts::111122223333:assumed-role/cli-made/alice-cli')
  })

  it('iam put-role-policy / get-role-policy / attach-role-policy round-trip the documents botocore decodes', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'eks:Describe*', Resource: 'arn:aws:eks:*:*:cluster/prod-*' }],
    })
    const role = ['--role-name', 'TeamBDeveloper']
    expect(
      (await runAws(['iam', 'put-role-policy', ...role, '--policy-name', 'cli', '--policy-document', policy])).code,
    ).toBe(0)
    const got = await runAwsJson<{ PolicyDocument: { Statement: { Resource: string }[] } }>([
      'iam',
      'get-role-policy',
      ...role,
      '--policy-name',
      'cli',
    ])
    expect(got.PolicyDocument.Statement[0]?.Resource).toBe('arn:aws:eks:*:*:cluster/prod-*')
    const listed = await runAwsJson<{ PolicyNames: string[] }>(['iam', 'list-role-policies', ...role])
    expect(listed.PolicyNames).toEqual(['cli'])
    const attach = ['--policy-arn', 'arn:aws:iam::aws:policy/IAMReadOnlyAccess']
    expect((await runAws(['iam', 'attach-role-policy', ...role, ...attach])).code).toBe(0)
    const attached = await runAwsJson<{ AttachedPolicies: { PolicyName: string }[] }>([
      'iam',
      'list-attached-role-policies',
      ...role,
    ])
    expect(attached.AttachedPolicies.map((a) => a.PolicyName)).toContain('IAMReadOnlyAccess')
    const profiles = await runAwsJson<{ InstanceProfiles: unknown[] }>([
      'iam',
      'list-instance-profiles-for-role',
      ...role,
    ])
    expect(profiles.InstanceProfiles).toEqual([])
    const missing = await runAws(['iam', 'detach-role-policy', ...role, '--policy-arn', 'arn:aws:iam::aws:policy/Nope'])
    expect(missing.stderr).toContain('(NoSuchEntity)')
  })

  it('iam add-client-id-to-open-id-connect-provider adds the audience (no output, like IAM)', async () => {
    const { OpenIDConnectProviderArn: arn } = await runAwsJson<{ OpenIDConnectProviderArn: string }>([
      'iam',
      'create-open-id-connect-provider',
      '--url',
      'https://cli-idp.example.com/tenant',
      '--client-id-list',
      'first',
    ])
    const add = ['iam', 'add-client-id-to-open-id-connect-provider', '--open-id-connect-provider-arn', arn]
    const added = await runAws([...add, '--client-id', 'sts.amazonaws.com'])
    expect(added).toMatchObject({ code: 0, stdout: '' })
    const got = await runAwsJson<{ ClientIDList: string[] }>([
      'iam',
      'get-open-id-connect-provider',
      '--open-id-connect-provider-arn',
      arn,
    ])
    expect(got.ClientIDList).toEqual(['first', 'sts.amazonaws.com'])
    const unknown = await runAws([...add.slice(0, -1), `${arn}-gone`, '--client-id', 'x'])
    expect(unknown.stderr).toContain('(NoSuchEntity)')
  })

  it('signs EKS paths holding a pathed ARN the way botocore does', async () => {
    const res = await runAwsJson<{ accessEntry: { principalArn: string } }>([
      'eks',
      'describe-access-entry',
      '--region',
      'eu-west-1',
      '--cluster-name',
      'eu-shop',
      '--principal-arn',
      ROLE_ARNS.AWSReservedSSO_DevOps_0a1b2c3d4e5f6789,
    ])
    expect(res.accessEntry.principalArn).toBe(ROLE_ARNS.AWSReservedSSO_DevOps_0a1b2c3d4e5f6789)
  })
})

describe('aws eks get-token tokens verify with verifyEksBearerToken', () => {
  interface ExecCredential {
    kind: string
    status: { token: string; expirationTimestamp: string }
  }

  it('with AWS_ENDPOINT_URL pointing at the sandbox (the URL names the sandbox host)', async () => {
    const cred = await runAwsJson<ExecCredential>(['eks', 'get-token', '--cluster-name', 'prod-web'], {
      endpoint: false,
      env: { AWS_ENDPOINT_URL: t.url },
    })
    expect(cred.kind).toBe('ExecCredential')
    const url = Buffer.from(cred.status.token.slice('k8s-aws-v1.'.length), 'base64url').toString('utf8')
    expect(url.startsWith(`${t.url}/?`)).toBe(true)
    expect((await verifyEksBearerToken(cred.status.token, 'prod-web', t.sandbox.world)).arn).toBe(
      'arn:aws:iam::111122223333:user/admin',
    )
    await expect(verifyEksBearerToken(cred.status.token, 'ml-auto', t.sandbox.world)).rejects.toMatchObject({
      reason: 'signature',
    })
  })

  it('with the default, real STS host', async () => {
    const cred = await runAwsJson<ExecCredential>(['eks', 'get-token', '--cluster-name', 'ml-auto'], {
      endpoint: false,
      key: USER_ACCESS_KEYS.alice,
    })
    const url = Buffer.from(cred.status.token.slice('k8s-aws-v1.'.length), 'base64url').toString('utf8')
    expect(new URL(url).host).toBe('sts.us-west-2.amazonaws.com')
    expect((await verifyEksBearerToken(cred.status.token, 'ml-auto', t.sandbox.world)).arn).toBe(
      'arn:aws:iam::111122223333:user/alice',
    )
  })

  it('with session credentials (the caller is the assumed role)', async () => {
    const assumed = await runAwsJson<{
      Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string }
    }>(['sts', 'assume-role', '--role-arn', ROLE_ARNS.TeamADeveloper, '--role-session-name', 'alice'], {
      key: USER_ACCESS_KEYS.alice,
    })
    const cred = await runAwsJson<ExecCredential>(['eks', 'get-token', '--cluster-name', 'prod-web'], {
      endpoint: false,
      key: {
        accessKeyId: assumed.Credentials.AccessKeyId,
        secretAccessKey: assumed.Credentials.SecretAccessKey,
        sessionToken: assumed.Credentials.SessionToken,
      },
    })
    const caller = await verifyEksBearerToken(cred.status.token, 'prod-web', t.sandbox.world)
    expect(caller.arn).toBe('arn:aws:sts::111122223333:assumed-role/TeamADeveloper/alice')
    expect(caller.userId).toMatch(/^AROA[A-Z0-9]{17}:alice$/)
  })
})
