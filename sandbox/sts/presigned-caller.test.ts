import { SignatureV4 } from '@smithy/signature-v4'
import { describe, expect, it } from 'vitest'

import { ADMIN_ACCESS_KEY, USER_ACCESS_KEYS } from '../core/seed-constants'
import { createSeedWorld } from '../core/seed-world'
import { NodeSha256 } from '../core/sha256'
import { PresignedCallerError, verifyEksBearerToken, verifyPresignedGetCallerIdentity } from './presigned-caller'

const world = createSeedWorld('default')

interface PresignInput {
  base?: string
  cluster?: string
  query?: Record<string, string>
  signHeaders?: Record<string, string>
  expiresIn?: number
  date?: Date
  key?: { accessKeyId: string; secretAccessKey: string }
}

/** Presigns GetCallerIdentity the way `aws eks get-token` does (docs/eks-token-and-kubeconfig.md#building-a-token). */
async function presignUrl(input: PresignInput = {}): Promise<string> {
  const base = new URL(input.base ?? 'https://sts.us-west-2.amazonaws.com/')
  const signer = new SignatureV4({
    credentials: input.key ?? ADMIN_ACCESS_KEY,
    region: 'us-west-2',
    service: 'sts',
    sha256: NodeSha256,
  })
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: base.protocol,
      hostname: base.hostname,
      port: base.port ? Number(base.port) : undefined,
      path: '/',
      query: input.query ?? { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: base.host, ...(input.signHeaders ?? { 'x-k8s-aws-id': input.cluster ?? 'prod-web' }) },
    },
    { expiresIn: input.expiresIn ?? 60, signingDate: input.date },
  )
  return `${base.origin}/?${new URLSearchParams(signed.query as Record<string, string>).toString()}`
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'ok'
  } catch (e) {
    return e instanceof PresignedCallerError ? e.reason : `unexpected ${String(e)}`
  }
}

describe('verifyPresignedGetCallerIdentity', () => {
  it.each([
    ['the real regional STS host', 'https://sts.us-west-2.amazonaws.com/'],
    ['the global STS host', 'https://sts.amazonaws.com/'],
    ['the sandbox itself over http', 'http://127.0.0.1:4566/'],
  ])('accepts a URL for %s', async (_name, base) => {
    const caller = await verifyPresignedGetCallerIdentity(
      await presignUrl({ base }),
      { 'x-k8s-aws-id': 'prod-web' },
      world,
    )
    expect(caller.arn).toBe('arn:aws:iam::111122223333:user/admin')
  })

  it('identifies other users', async () => {
    const url = await presignUrl({ key: USER_ACCESS_KEYS.carol })
    expect((await verifyPresignedGetCallerIdentity(url, { 'x-k8s-aws-id': 'prod-web' }, world)).arn).toBe(
      'arn:aws:iam::111122223333:user/carol',
    )
  })

  it.each<[string, PresignInput, Record<string, string>, string]>([
    ['a token minted for another cluster', {}, { 'x-k8s-aws-id': 'ml-auto' }, 'signature'],
    ['an untrusted host', { base: 'http://sts.evil.example.com/' }, { 'x-k8s-aws-id': 'prod-web' }, 'untrusted-host'],
    ['another action', { query: { Action: 'AssumeRole', Version: '2011-06-15' } }, {}, 'not-get-caller-identity'],
    [
      'an extra query parameter',
      { query: { Action: 'GetCallerIdentity', Version: '2011-06-15', Foo: 'x' } },
      {},
      'malformed',
    ],
    ['x-k8s-aws-id not signed', { signHeaders: {} }, { 'x-k8s-aws-id': 'prod-web' }, 'missing-cluster-header'],
    ['X-Amz-Expires above 900', { expiresIn: 901 }, { 'x-k8s-aws-id': 'prod-web' }, 'malformed'],
    [
      'signed 16 minutes ago',
      { date: new Date(Date.now() - 16 * 60_000) },
      { 'x-k8s-aws-id': 'prod-web' },
      'expired-signature',
    ],
    [
      'signed 14 minutes ago (still valid, X-Amz-Expires=60 ignored)',
      { date: new Date(Date.now() - 14 * 60_000) },
      { 'x-k8s-aws-id': 'prod-web' },
      'ok',
    ],
    [
      'an unknown key',
      { key: { accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' } },
      { 'x-k8s-aws-id': 'prod-web' },
      'unknown-key',
    ],
  ])('rejects %s', async (_name, input, headers, reason) => {
    expect(await reasonOf(verifyPresignedGetCallerIdentity(await presignUrl(input), headers, world))).toBe(reason)
  })
})

describe('verifyEksBearerToken', () => {
  it('decodes k8s-aws-v1. + unpadded base64url and verifies for the cluster', async () => {
    const token = `k8s-aws-v1.${Buffer.from(await presignUrl()).toString('base64url')}`
    expect(token).not.toContain('=')
    expect((await verifyEksBearerToken(token, 'prod-web', world)).arn).toBe('arn:aws:iam::111122223333:user/admin')
    expect(await reasonOf(verifyEksBearerToken(token, 'eu-shop', world))).toBe('signature')
  })

  it.each([
    ['a missing prefix', 'k8s-aws-v2.abc'],
    ['a non-URL payload', `k8s-aws-v1.${Buffer.from('hello').toString('base64url')}`],
    ['an oversized token', `k8s-aws-v1.${'a'.repeat(5000)}`],
  ])('rejects %s', async (_name, token) => {
    expect(await reasonOf(verifyEksBearerToken(token, 'prod-web', world))).toBe('malformed')
  })

  // Node's base64url decoder skips what Go's RawURLEncoding (the authenticator's decoder) refuses.
  it.each<[string, (payload: string) => string]>([
    ['a character outside base64url', (p) => `${p.slice(0, 20)}!${p.slice(20)}`],
    ['the standard alphabet', (p) => `${p}+/`],
    ['= padding', (p) => `${p}=`],
    ['an impossible length', (p) => `${p}${'A'.repeat((5 - (p.length % 4)) % 4)}`],
  ])('rejects a valid token damaged by %s', async (_name, damage) => {
    const payload = Buffer.from(await presignUrl()).toString('base64url')
    const token = `k8s-aws-v1.${damage(payload)}`
    expect(await reasonOf(verifyEksBearerToken(token, 'prod-web', world))).toBe('malformed')
  })
})
