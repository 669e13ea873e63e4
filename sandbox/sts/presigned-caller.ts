import type { Caller } from '../core/aws-types'
import { SigV4Error, type SigV4FailureKind } from '../core/sigv4-error'
import { verifySigV4Request } from '../core/sigv4-verifier'
import type { World } from '../core/world'

export type PresignedCallerFailure =
  SigV4FailureKind | 'not-get-caller-identity' | 'untrusted-host' | 'missing-cluster-header'

/** Why an EKS bearer token / presigned GetCallerIdentity URL was rejected (the Kubernetes API answers 401). */
export class PresignedCallerError extends Error {
  readonly reason: PresignedCallerFailure

  constructor(reason: PresignedCallerFailure, message: string) {
    super(message)
    this.name = 'PresignedCallerError'
    this.reason = reason
  }
}

// aws-iam-authenticator's allow-list of query keys (docs/eks-token-and-kubeconfig.md#verifying-a-token); anything else, or a duplicate, is rejected.
const ALLOWED_KEYS = new Set([
  'action',
  'version',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-signedheaders',
])
const STS_HOST = /^sts(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export interface PresignedCallerOptions {
  now?: Date
  /** Extra `host[:port]` values the sandbox serves itself on (besides loopback), e.g. from SANDBOX_PUBLIC_HOST. */
  ownHosts?: string[]
}

function checkHost(url: URL, opts: PresignedCallerOptions): void {
  if (url.protocol === 'https:' && STS_HOST.test(url.hostname)) return
  const own = (opts.ownHosts ?? []).includes(url.host) || LOOPBACK_HOSTS.has(url.hostname)
  if (own && (url.protocol === 'http:' || url.protocol === 'https:')) return
  throw new PresignedCallerError('untrusted-host', `unexpected hostname "${url.hostname}" in pre-signed URL`)
}

/**
 * Verifies a presigned STS GetCallerIdentity URL (the payload of an EKS `k8s-aws-v1.` token) the way STS would when
 * aws-iam-authenticator forwards it: the authenticator's structural checks, then the SigV4 signature against the
 * host the URL names, with `headers` (at least `x-k8s-aws-id: <cluster>`) as the verifier sends them. Valid 15
 * minutes from X-Amz-Date whatever X-Amz-Expires says. Resolves to the caller; rejects with PresignedCallerError.
 */
export async function verifyPresignedGetCallerIdentity(
  url: string,
  headers: Record<string, string>,
  world: World,
  opts: PresignedCallerOptions = {},
): Promise<Caller> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new PresignedCallerError('malformed', 'input token was not properly formatted: invalid URL')
  }
  checkHost(parsed, opts)
  if (parsed.pathname !== '/') throw new PresignedCallerError('malformed', 'unexpected path in pre-signed URL')
  const seen = new Set<string>()
  for (const key of parsed.searchParams.keys()) {
    const lower = key.toLowerCase()
    if (!ALLOWED_KEYS.has(lower))
      throw new PresignedCallerError('malformed', `non-whitelisted query parameter "${key}"`)
    if (seen.has(lower)) throw new PresignedCallerError('malformed', `duplicate query parameter "${key}"`)
    seen.add(lower)
  }
  if (parsed.searchParams.get('Action') !== 'GetCallerIdentity') {
    throw new PresignedCallerError(
      'not-get-caller-identity',
      'input token was not properly formatted: unexpected action',
    )
  }
  const signedHeaders = (parsed.searchParams.get('X-Amz-SignedHeaders') ?? '').split(';')
  if (!signedHeaders.includes('x-k8s-aws-id')) {
    throw new PresignedCallerError(
      'missing-cluster-header',
      'client did not sign the x-k8s-aws-id header in the pre-signed URL',
    )
  }
  const expires = Number(parsed.searchParams.get('X-Amz-Expires'))
  if (!Number.isInteger(expires) || expires < 0 || expires > 900) {
    throw new PresignedCallerError(
      'malformed',
      `invalid X-Amz-Expires parameter in pre-signed URL: ${parsed.searchParams.get('X-Amz-Expires')}`,
    )
  }
  const lowered: Record<string, string> = { host: parsed.host }
  for (const [k, v] of Object.entries(headers)) lowered[k.toLowerCase()] = v
  try {
    const verified = await verifySigV4Request(
      { method: 'GET', rawPath: '/', query: parsed.searchParams, headers: lowered, body: Buffer.alloc(0) },
      world,
      opts.now,
    )
    if (verified.parts.service !== 'sts')
      throw new PresignedCallerError('signature', 'pre-signed URL is not scoped to sts')
    return verified.caller
  } catch (e) {
    if (e instanceof SigV4Error) throw new PresignedCallerError(e.kind, e.message)
    throw e
  }
}

/**
 * Decodes an EKS bearer token (`k8s-aws-v1.` + unpadded base64url of the presigned URL) to the URL, or throws
 * PresignedCallerError. Tokens longer than 4096 characters are rejected, as by aws-iam-authenticator.
 */
export function decodeEksBearerToken(token: string): string {
  const prefix = 'k8s-aws-v1.'
  if (token.length > 4096) throw new PresignedCallerError('malformed', 'token is too large')
  if (!token.startsWith(prefix))
    throw new PresignedCallerError('malformed', 'token is missing expected "k8s-aws-v1." prefix')
  const payload = token.slice(prefix.length)
  // The authenticator decodes with Go's base64.RawURLEncoding, which refuses `=` padding, the standard alphabet's
  // `+` and `/`, any other character and an impossible length. Node's decoder silently skips all of these, so a
  // damaged token would otherwise still authenticate.
  const bad = /[^A-Za-z0-9_-]/.exec(payload)?.index ?? (payload.length % 4 === 1 ? payload.length - 1 : -1)
  if (bad >= 0) throw new PresignedCallerError('malformed', `illegal base64 data at input byte ${bad}`)
  const url = Buffer.from(payload, 'base64url').toString('utf8')
  if (!/^https?:\/\//.test(url)) throw new PresignedCallerError('malformed', 'input token was not properly formatted')
  return url
}

/** Verifies an EKS bearer token minted for `clusterName` (by `aws eks get-token` or the SDK) and returns the caller. */
export async function verifyEksBearerToken(
  token: string,
  clusterName: string,
  world: World,
  opts: PresignedCallerOptions = {},
): Promise<Caller> {
  return verifyPresignedGetCallerIdentity(decodeEksBearerToken(token), { 'x-k8s-aws-id': clusterName }, world, opts)
}
