import { SignatureV4 } from '@smithy/signature-v4'
import { describe, expect, it } from 'vitest'

import { ADMIN_ACCESS_KEY, USER_ACCESS_KEYS } from './seed-constants'
import { createSeedWorld } from './seed-world'
import { NodeSha256 } from './sha256'
import { SigV4Error } from './sigv4-error'
import { verifySigV4Request, type ReceivedRequest } from './sigv4-verifier'

const world = createSeedWorld('default')
const HOST = '127.0.0.1:4566'
const ENCODED_ARN_PATH = '/clusters/prod-web/access-entries/arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FPlatformAdmin'

interface SignInput {
  key?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  service?: string
  method?: string
  path?: string
  query?: Record<string, string>
  body?: string
  date?: Date
}

async function signRequest(input: SignInput = {}): Promise<ReceivedRequest> {
  const signer = new SignatureV4({
    credentials: input.key ?? ADMIN_ACCESS_KEY,
    region: 'us-west-2',
    service: input.service ?? 'eks',
    sha256: NodeSha256,
  })
  const body = input.body ?? ''
  const signed = await signer.sign(
    {
      method: input.method ?? 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4566,
      path: input.path ?? ENCODED_ARN_PATH,
      query: input.query ?? {},
      headers: { host: HOST, 'content-type': 'application/json', 'user-agent': 'test' },
      body,
    },
    { signingDate: input.date ?? new Date() },
  )
  const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), String(v)]))
  return {
    method: input.method ?? 'GET',
    rawPath: input.path ?? ENCODED_ARN_PATH,
    query: new URLSearchParams(input.query ?? {}),
    headers,
    body: Buffer.from(body),
  }
}

async function verifyKind(req: ReceivedRequest): Promise<string> {
  try {
    await verifySigV4Request(req, world)
    return 'ok'
  } catch (e) {
    return e instanceof SigV4Error ? e.kind : `unexpected ${String(e)}`
  }
}

describe('verifySigV4Request', () => {
  it('accepts an SDK-signed EKS request whose path holds an encoded ARN, returning the caller', async () => {
    const verified = await verifySigV4Request(await signRequest({ query: { maxResults: '5' } }), world)
    expect(verified.caller.arn).toBe('arn:aws:iam::111122223333:user/admin')
    expect(verified.caller.userId).toMatch(/^AIDA[A-Z2-7]{17}$/)
    expect(verified.parts).toMatchObject({ service: 'eks', region: 'us-west-2', presigned: false })
  })

  it('accepts another seeded user', async () => {
    const verified = await verifySigV4Request(await signRequest({ key: USER_ACCESS_KEYS.bob, service: 'iam' }), world)
    expect(verified.caller.arn).toBe('arn:aws:iam::111122223333:user/bob')
  })

  it.each<[string, (r: ReceivedRequest) => void, string]>([
    ['tampered body', (r) => void (r.body = Buffer.from('{"x":1}')), 'signature'],
    ['tampered path', (r) => void (r.rawPath = '/clusters/ml-auto/access-entries'), 'signature'],
    ['tampered query', (r) => void r.query.set('maxResults', '99'), 'signature'],
    ['signed header missing', (r) => void delete r.headers['host'], 'signature'],
    ['no auth at all', (r) => void delete r.headers['authorization'], 'missing'],
    ['garbled Authorization', (r) => void (r.headers['authorization'] = 'AWS4-HMAC-SHA256 nonsense'), 'malformed'],
  ])('rejects: %s', async (_name, tamper, kind) => {
    const req = await signRequest({ query: { maxResults: '5' } })
    tamper(req)
    expect(await verifyKind(req)).toBe(kind)
  })

  it.each<[string, SignInput, string]>([
    ['wrong secret', { key: { ...ADMIN_ACCESS_KEY, secretAccessKey: 'x'.repeat(40) } }, 'signature'],
    ['unknown access key', { key: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' } }, 'unknown-key'],
    ['signed 20 minutes ago', { date: new Date(Date.now() - 20 * 60_000) }, 'expired-signature'],
    ['signed 20 minutes in the future', { date: new Date(Date.now() + 20 * 60_000) }, 'expired-signature'],
    ['signed 10 minutes ago (within skew)', { date: new Date(Date.now() - 10 * 60_000) }, 'ok'],
    ['a token with a long-term key', { key: { ...ADMIN_ACCESS_KEY, sessionToken: 'abc' } }, 'invalid-token'],
  ])('signature by %s → %s', async (_name, input, kind) => {
    expect(await verifyKind(await signRequest(input))).toBe(kind)
  })

  it('verifies a presigned GET (query auth) and rejects it for another x-k8s-aws-id', async () => {
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
        hostname: '127.0.0.1',
        port: 4566,
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: HOST, 'x-k8s-aws-id': 'prod-web' },
      },
      { expiresIn: 60 },
    )
    const query = new URLSearchParams(presigned.query as Record<string, string>)
    const base = { method: 'GET', rawPath: '/', query, body: Buffer.alloc(0) }
    const ok = await verifySigV4Request({ ...base, headers: { host: HOST, 'x-k8s-aws-id': 'prod-web' } }, world)
    expect(ok.parts).toMatchObject({ presigned: true, service: 'sts', expires: 60 })
    expect(await verifyKind({ ...base, headers: { host: HOST, 'x-k8s-aws-id': 'ml-auto' } })).toBe('signature')
  })
})
