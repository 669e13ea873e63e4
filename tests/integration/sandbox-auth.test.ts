import { EKSClient, ListClustersCommand } from '@aws-sdk/client-eks'
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { SignatureV4 } from '@smithy/signature-v4'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ADMIN_ACCESS_KEY } from '@/sandbox/core/seed-constants'
import { NodeSha256 } from '@/sandbox/core/sha256'
import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

let t: TestSandbox

beforeAll(async () => {
  t = await startTestSandbox()
})
afterAll(async () => {
  await t.stop()
})

async function errorNameOf(call: Promise<unknown>): Promise<{ name: string; status?: number; message: string }> {
  try {
    await call
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } }
    return { name: err.name, status: err.$metadata?.httpStatusCode, message: err.message }
  }
  throw new Error('expected the call to fail')
}

/** Sends a request signed by @smithy/signature-v4 (what the SDK does), for cases the SDK clients cannot express. */
async function sendSigned(opts: {
  service: string
  body?: string
  path?: string
  method?: string
  query?: Record<string, string>
}): Promise<Response> {
  const url = new URL(t.url)
  const signer = new SignatureV4({
    credentials: ADMIN_ACCESS_KEY,
    region: 'us-east-1',
    service: opts.service,
    sha256: NodeSha256,
  })
  const body = opts.body ?? ''
  const signed = await signer.sign({
    method: opts.method ?? 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: opts.path ?? '/',
    query: opts.query ?? {},
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  })
  const qs = new URLSearchParams(opts.query ?? {}).toString()
  return fetch(`${t.url}${opts.path ?? '/'}${qs ? `?${qs}` : ''}`, {
    method: opts.method ?? 'POST',
    headers: signed.headers as Record<string, string>,
    body: opts.method === 'GET' ? undefined : body,
  })
}

const wrongSecret = { ...ADMIN_ACCESS_KEY, secretAccessKey: 'x'.repeat(40) }
const unknownKey = { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'y'.repeat(40) }

describe('SigV4 errors, per protocol', () => {
  it.each([
    [
      'IAM, wrong secret',
      () =>
        new IAMClient({ ...t.configFor(wrongSecret), maxAttempts: 1 }).send(
          new GetRoleCommand({ RoleName: 'PlatformAdmin' }),
        ),
      'SignatureDoesNotMatch',
      403,
    ],
    [
      'STS, wrong secret',
      () => new STSClient({ ...t.configFor(wrongSecret), maxAttempts: 1 }).send(new GetCallerIdentityCommand({})),
      'SignatureDoesNotMatch',
      403,
    ],
    [
      'EKS, wrong secret',
      () => new EKSClient({ ...t.configFor(wrongSecret), maxAttempts: 1 }).send(new ListClustersCommand({})),
      'InvalidSignatureException',
      403,
    ],
    [
      'IAM, unknown key',
      () =>
        new IAMClient({ ...t.configFor(unknownKey), maxAttempts: 1 }).send(
          new GetRoleCommand({ RoleName: 'PlatformAdmin' }),
        ),
      'InvalidClientTokenId',
      403,
    ],
    [
      'STS, unknown key',
      () => new STSClient({ ...t.configFor(unknownKey), maxAttempts: 1 }).send(new GetCallerIdentityCommand({})),
      'InvalidClientTokenId',
      403,
    ],
    [
      'EKS, unknown key',
      () => new EKSClient({ ...t.configFor(unknownKey), maxAttempts: 1 }).send(new ListClustersCommand({})),
      'UnrecognizedClientException',
      403,
    ],
  ])('%s', async (_name, call, errorName, status) => {
    expect(await errorNameOf(call())).toMatchObject({ name: errorName, status })
  })

  it('rejects a request signed with a clock 20 minutes behind ("Signature expired")', async () => {
    const skewed = { ...t.admin, maxAttempts: 1, systemClockOffset: -20 * 60_000 }
    const sts = await errorNameOf(new STSClient(skewed).send(new GetCallerIdentityCommand({})))
    expect(sts).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 })
    expect(sts.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/)
    const eks = await errorNameOf(new EKSClient(skewed).send(new ListClustersCommand({})))
    expect(eks).toMatchObject({ name: 'InvalidSignatureException', status: 403 })
  })

  it('sends a Date header the SDK uses to correct its clock for the next call', async () => {
    const client = new STSClient({ ...t.admin, maxAttempts: 1, systemClockOffset: -20 * 60_000 })
    expect((await errorNameOf(client.send(new GetCallerIdentityCommand({})))).name).toBe('SignatureDoesNotMatch')
    expect((await client.send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:iam::111122223333:user/admin')
  })

  it.each([
    ['IAM', 'Action=ListRoles&Version=2010-05-08', 'MissingAuthenticationToken'],
    ['STS', 'Action=GetCallerIdentity&Version=2011-06-15', 'MissingAuthenticationToken'],
  ])('answers an unsigned %s request with 403 %s', async (_name, body, code) => {
    const res = await fetch(t.url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain(`<Code>${code}</Code>`)
  })

  it('answers an unsigned EKS request with MissingAuthenticationTokenException', async () => {
    const res = await fetch(`${t.url}/clusters`)
    expect(res.status).toBe(403)
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException')
  })
})

describe('Query protocol details', () => {
  it.each([
    ['iam', 'Action=DeleteEverything&Version=2010-05-08', 'Could not find operation DeleteEverything'],
    ['sts', 'Action=GetSessionToken&Version=2011-06-15', 'Could not find operation GetSessionToken'],
  ])('%s: unknown Action → 400 InvalidAction', async (service, body, message) => {
    const res = await sendSigned({ service, body })
    const text = await res.text()
    expect(res.status).toBe(400)
    expect(text).toContain('<Code>InvalidAction</Code>')
    expect(text).toContain(message)
    expect(text).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId>/)
  })

  it('STS answers JSON on Accept: application/json (presigned GET, as aws-iam-authenticator calls it)', async () => {
    const url = new URL(t.url)
    const signer = new SignatureV4({
      credentials: ADMIN_ACCESS_KEY,
      region: 'us-west-2',
      service: 'sts',
      sha256: NodeSha256,
    })
    const presigned = await signer.presign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: url.host, 'x-k8s-aws-id': 'prod-web' },
      },
      { expiresIn: 60 },
    )
    const target = `${t.url}/?${new URLSearchParams(presigned.query as Record<string, string>).toString()}`
    const ok = await fetch(target, { headers: { 'x-k8s-aws-id': 'prod-web', accept: 'application/json' } })
    expect(ok.status).toBe(200)
    const json = (await ok.json()) as {
      GetCallerIdentityResponse: {
        GetCallerIdentityResult: Record<string, string>
        ResponseMetadata: { RequestId: string }
      }
    }
    expect(json.GetCallerIdentityResponse.GetCallerIdentityResult).toEqual({
      Account: '111122223333',
      Arn: 'arn:aws:iam::111122223333:user/admin',
      UserId: expect.stringMatching(/^AIDA/),
    })
    expect(json.GetCallerIdentityResponse.ResponseMetadata.RequestId).toMatch(/^[0-9a-f-]{36}$/)
    const wrongCluster = await fetch(target, { headers: { 'x-k8s-aws-id': 'ml-auto', accept: 'application/json' } })
    expect(wrongCluster.status).toBe(403)
    expect(((await wrongCluster.json()) as { Error: { Code: string } }).Error.Code).toBe('SignatureDoesNotMatch')
  })

  it('serves EKS on the same port, chosen by the credential scope', async () => {
    const eks = new EKSClient({ ...t.admin, maxAttempts: 1 })
    expect((await eks.send(new ListClustersCommand({}))).clusters).toContain('prod-web')
    const eu = new EKSClient({ ...t.configFor(ADMIN_ACCESS_KEY, 'eu-west-1'), maxAttempts: 1 })
    expect((await eu.send(new ListClustersCommand({}))).clusters).toEqual(['eu-shop'])
  })

  it('never routes /_sandbox/ to AWS', async () => {
    const res = await fetch(`${t.url}/_sandbox/health`)
    expect(await res.json()).toEqual({ status: 'ok', account: '111122223333', scale: 'default' })
    expect((await fetch(`${t.url}/_sandbox/nothing`)).status).toBe(404)
  })
})
