import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { buildEksToken, decodeEksToken, stsEndpointFor, EKS_TOKEN_LIFETIME_MS } = await import('./eks-token')

const run = promisify(execFile)
// The AWS documentation example key pair (also the sandbox admin's), and a made-up session token.
const keys = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
const sessionToken = 'FwoGZXIvYXdzEJr//////////wEaDExampleSessionToken+/='
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eks-token-'))
  await writeFile(join(dir, 'empty'), '')
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

/** `aws eks get-token` only presigns, so it runs offline; config files are empty so nothing on the machine leaks in. */
async function cliToken(cluster: string, region: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run('aws', ['eks', 'get-token', '--cluster-name', cluster, '--region', region], {
    env: {
      NODE_ENV: 'test',
      PATH: process.env.PATH ?? '',
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'empty'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'empty'),
      AWS_ACCESS_KEY_ID: keys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      ...env,
    },
    timeout: 30_000,
  })
  return (JSON.parse(stdout) as { status: { token: string } }).status.token
}

/** The CLI's signing second, so our signer can be frozen to it and the two tokens compared whole. */
function signingDateOf(token: string): Date {
  const stamp = new URL(decodeEksToken(token)).searchParams.get('X-Amz-Date') ?? ''
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp)
  if (!m) throw new Error(`bad X-Amz-Date ${stamp}`)
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`)
}

describe('buildEksToken is byte for byte `aws eks get-token`', () => {
  it.each([
    { name: 'real STS host', cluster: 'prod-web', region: 'us-west-2', env: {}, session: false },
    { name: 'another region', cluster: 'eu-shop', region: 'eu-west-1', env: {}, session: false },
    {
      name: 'AWS_ENDPOINT_URL (sandbox)',
      cluster: 'ml-auto',
      region: 'us-west-2',
      env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' },
      session: false,
    },
    { name: 'session credentials', cluster: 'prod-web', region: 'us-west-2', env: {}, session: true },
  ] as { name: string; cluster: string; region: string; env: Record<string, string>; session: boolean }[])(
    '$name',
    async ({ cluster, region, env, session }) => {
      const expected = await cliToken(cluster, region, session ? { ...env, AWS_SESSION_TOKEN: sessionToken } : env)
      const { token } = await buildEksToken({
        clusterName: cluster,
        region,
        credentials: session ? { ...keys, sessionToken } : keys,
        endpointUrl: env.AWS_ENDPOINT_URL,
        now: signingDateOf(expected),
      })
      expect(decodeEksToken(token)).toBe(decodeEksToken(expected))
      expect(token).toBe(expected)
    },
  )
})

describe('buildEksToken', () => {
  const now = new Date('2026-11-28T12:00:00Z')

  it('signs x-k8s-aws-id for 60 s and has no base64 padding', async () => {
    const { token, expiresAt } = await buildEksToken({ clusterName: 'c', region: 'us-west-2', credentials: keys, now })
    expect(token).toMatch(/^k8s-aws-v1\.[A-Za-z0-9_-]+$/)
    const url = new URL(decodeEksToken(token))
    expect(url.origin).toBe('https://sts.us-west-2.amazonaws.com')
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host;x-k8s-aws-id')
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60')
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKIAIOSFODNN7EXAMPLE/20261128/us-west-2/sts/aws4_request')
    expect(expiresAt.getTime() - now.getTime()).toBe(EKS_TOKEN_LIFETIME_MS)
  })

  it('ends with the credentials when they expire first', async () => {
    const expiration = new Date(now.getTime() + 5 * 60_000)
    const { expiresAt } = await buildEksToken({
      clusterName: 'c',
      region: 'us-west-2',
      credentials: { ...keys, sessionToken, expiration },
      now,
    })
    expect(expiresAt).toEqual(expiration)
  })

  it.each([
    { region: 'us-west-2', endpoint: undefined, origin: 'https://sts.us-west-2.amazonaws.com' },
    { region: 'cn-north-1', endpoint: undefined, origin: 'https://sts.cn-north-1.amazonaws.com.cn' },
    { region: 'us-west-2', endpoint: 'http://127.0.0.1:4566', origin: 'http://127.0.0.1:4566' },
  ])('STS host for $region with endpoint $endpoint', ({ region, endpoint, origin }) => {
    expect(stsEndpointFor(region, endpoint).origin).toBe(origin)
  })
})
