// Tokens an EKS API server must refuse, built from real ones: damaged payloads and URLs, and presigned STS URLs for
// other actions. Tests pair each with the reason sandbox/sts/presigned-caller.ts gives, so a 401 is known to come
// from the intended check.
import { SignatureV4 } from '@smithy/signature-v4'

import { ADMIN_ACCESS_KEY } from '@/sandbox/core/seed-constants'
import { NodeSha256 } from '@/sandbox/core/sha256'
import { PresignedCallerError } from '@/sandbox/sts/presigned-caller'

const PREFIX = 'k8s-aws-v1.'

/**
 * Rewrites a `k8s-aws-v1.` token: `url` edits the presigned URL inside it (then re-encodes it properly), `payload`
 * edits the base64url text itself.
 */
export function damageToken(
  token: string,
  edit: { url?: (url: string) => string; payload?: (payload: string) => string },
): string {
  if (!token.startsWith(PREFIX)) throw new Error('not an EKS token')
  let payload = token.slice(PREFIX.length)
  if (edit.url) {
    const url = edit.url(Buffer.from(payload, 'base64url').toString('utf8'))
    payload = Buffer.from(url, 'utf8').toString('base64url')
  }
  if (edit.payload) payload = edit.payload(payload)
  return PREFIX + payload
}

/**
 * A correctly signed (admin key, us-west-2) presigned STS URL with any query, signing `x-k8s-aws-id: <clusterName>`,
 * as a token: e.g. `Action=GetSessionToken`, which a token must never be.
 */
export async function presignStsToken(
  sandbox: { url: string },
  query: Record<string, string>,
  clusterName: string,
): Promise<string> {
  const endpoint = new URL(sandbox.url)
  const signer = new SignatureV4({
    credentials: ADMIN_ACCESS_KEY,
    region: 'us-west-2',
    service: 'sts',
    sha256: NodeSha256,
  })
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: endpoint.port ? Number(endpoint.port) : undefined,
      path: '/',
      query,
      headers: { host: endpoint.host, 'x-k8s-aws-id': clusterName },
    },
    { expiresIn: 60 },
  )
  const url = `${endpoint.origin}/?${new URLSearchParams(signed.query as Record<string, string>).toString()}`
  return PREFIX + Buffer.from(url, 'utf8').toString('base64url')
}

/** Why token verification failed (`PresignedCallerError.reason`), `ok` if it passed. */
export async function reasonOf(verification: Promise<unknown>): Promise<string> {
  try {
    await verification
    return 'ok'
  } catch (e) {
    return e instanceof PresignedCallerError ? e.reason : `unexpected ${String(e)}`
  }
}
