import 'server-only'

import { createHash, createHmac, type BinaryLike } from 'node:crypto'
import { SignatureV4 } from '@smithy/signature-v4'

/** AWS credentials as the SDK's providers resolve them. */
export type AwsCredentials = {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  expiration?: Date
}

type SourceData = string | ArrayBuffer | ArrayBufferView

/** The prefix of an EKS bearer token (aws-iam-authenticator `v1Prefix`). */
export const EKS_TOKEN_PREFIX = 'k8s-aws-v1.'

/**
 * How long a token is used. STS honours the presigned URL for 15 minutes after X-Amz-Date whatever X-Amz-Expires
 * says; `aws eks get-token` reports now+14 min and the authenticator 15−1 (docs/eks-token-and-kubeconfig.md#building-a-token). We stop at 14 minutes.
 */
export const EKS_TOKEN_LIFETIME_MS = 14 * 60_000

/** What a token is built from. */
export type EksTokenInput = {
  /** The cluster name, signed as `x-k8s-aws-id` so a token for one cluster is refused by another. */
  clusterName: string
  /** The STS region (the cluster's region, as `aws eks get-token --region`). */
  region: string
  credentials: AwsCredentials
  /** AWS_ENDPOINT_URL: the presigned URL then names that endpoint, as aws-cli does (docs/eks-token-and-kubeconfig.md#building-a-token, emulator tip). */
  endpointUrl?: string
  /** The signing time (tests freeze it). */
  now?: Date
}

/** A bearer token and when the console stops using it. */
export type EksToken = { token: string; expiresAt: Date }

// smithy's Checksum shape over node:crypto, so signing needs no extra package (toolchain.md: this reproduces
// `aws eks get-token` byte for byte).
class NodeSha256 {
  private readonly hash
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBinary(secret))
  }
  update(data: SourceData): void {
    this.hash.update(toBinary(data))
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest())
  }
  reset(): void {
    throw new Error('NodeSha256 is single-use')
  }
}

function toBinary(data: SourceData): BinaryLike {
  if (typeof data === 'string') return data
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  return new Uint8Array(data)
}

// RFC 3986 unreserved characters stay as they are; botocore encodes everything else (`/` → %2F, `;` → %3B).
const encode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

// botocore's presigned-URL query order (docs/eks-token-and-kubeconfig.md#building-a-token shows it): the operation, then the auth parameters.
const QUERY_ORDER = [
  'Action',
  'Version',
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Security-Token',
  'X-Amz-Signature',
]

/** The STS endpoint a token names: the override when set, else the regional `https://sts.<region>.amazonaws.com`. */
export function stsEndpointFor(region: string, endpointUrl?: string): URL {
  if (endpointUrl) return new URL(endpointUrl)
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'
  return new URL(`https://sts.${region}.${suffix}`)
}

/**
 * Builds an EKS bearer token: `k8s-aws-v1.` + unpadded base64url of a presigned STS GetCallerIdentity GET URL that
 * signs `x-k8s-aws-id: <cluster>` with X-Amz-Expires=60 — the same string `aws eks get-token` prints for the same
 * credentials, region and second.
 */
export async function buildEksToken(input: EksTokenInput): Promise<EksToken> {
  const now = input.now ?? new Date()
  const endpoint = stsEndpointFor(input.region, input.endpointUrl)
  const signer = new SignatureV4({
    service: 'sts',
    region: input.region,
    credentials: input.credentials,
    sha256: NodeSha256,
    uriEscapePath: true,
  })
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: endpoint.port ? Number(endpoint.port) : undefined,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: endpoint.host, 'x-k8s-aws-id': input.clusterName },
    },
    { expiresIn: 60, signingDate: now },
  )
  const query = signed.query as Record<string, string>
  const keys = [...QUERY_ORDER.filter((k) => k in query), ...Object.keys(query).filter((k) => !QUERY_ORDER.includes(k))]
  const url = `${endpoint.protocol}//${endpoint.host}/?${keys.map((k) => `${k}=${encode(query[k] ?? '')}`).join('&')}`
  const token = EKS_TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url')
  // Session credentials may end before the token would; a token outliving them is refused by STS.
  const lifetimeEnd = now.getTime() + EKS_TOKEN_LIFETIME_MS
  const expiresAt = new Date(Math.min(lifetimeEnd, input.credentials.expiration?.getTime() ?? lifetimeEnd))
  return { token, expiresAt }
}

/** The presigned URL inside a token (for tests and diagnostics). */
export function decodeEksToken(token: string): string {
  if (!token.startsWith(EKS_TOKEN_PREFIX)) throw new Error(`not an EKS token (no ${EKS_TOKEN_PREFIX} prefix)`)
  return Buffer.from(token.slice(EKS_TOKEN_PREFIX.length), 'base64url').toString('utf8')
}
