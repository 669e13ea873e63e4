import { timingSafeEqual } from 'node:crypto'
import { SignatureV4 } from '@smithy/signature-v4'

import type { Caller } from './aws-types'
import { lookupAccessKey } from './credential-lookup'
import { NodeSha256 } from './sha256'
import { SIGV4_MESSAGES, SigV4Error } from './sigv4-error'
import { formatAmzDate, MalformedAuthError, parseAmzDate, readSigV4Parts, type SigV4Parts } from './sigv4-scope'
import type { World } from './world'

/** SigV4 signatures are accepted within 15 minutes of X-Amz-Date, either side (AWS clock-skew rule). */
const MAX_SKEW_MS = 15 * 60 * 1000

/** A request as received on the wire, before any decoding of the path. */
export interface ReceivedRequest {
  method: string
  /** Path without the query, still percent-encoded exactly as sent. */
  rawPath: string
  query: URLSearchParams
  /** Lower-case names. */
  headers: Record<string, string>
  body: Buffer
}

export interface VerifiedRequest {
  caller: Caller
  parts: SigV4Parts
}

function toQueryRecord(query: URLSearchParams, drop: string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of query) {
    if (drop.includes(k)) continue
    const prev = out[k]
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  return out
}

function checkClock(parts: SigV4Parts, now: Date): Date {
  const signedAt = parseAmzDate(parts.amzDate)
  if (!signedAt || formatAmzDate(signedAt).slice(0, 8) !== parts.scopeDate) {
    throw new SigV4Error('malformed', `Date must be in ISO-8601 'basic format'. Got '${parts.amzDate ?? ''}'.`)
  }
  const fmt = (ms: number): string => formatAmzDate(new Date(ms))
  if (now.getTime() - signedAt.getTime() > MAX_SKEW_MS) {
    throw new SigV4Error(
      'expired-signature',
      `Signature expired: ${parts.amzDate} is now earlier than ${fmt(now.getTime() - MAX_SKEW_MS)} (${fmt(now.getTime())} - 15 min.)`,
    )
  }
  if (signedAt.getTime() - now.getTime() > MAX_SKEW_MS) {
    throw new SigV4Error(
      'expired-signature',
      `Signature not yet current: ${parts.amzDate} is still later than ${fmt(now.getTime() + MAX_SKEW_MS)} (${fmt(now.getTime())} + 15 min.)`,
    )
  }
  return signedAt
}

// SHA-256 of no bytes: every GET's payload hash.
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

async function hashBody(body: Buffer): Promise<string> {
  if (body.length === 0) return EMPTY_BODY_SHA256
  const hash = new NodeSha256()
  hash.update(body)
  return Buffer.from(await hash.digest()).toString('hex')
}

function equalSignatures(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * Candidate canonical paths. The JS SDK and botocore both double-encode the already-encoded path (EKS ARNs arrive
 * as one `%3A`/`%2F` segment); `uriEscapePath: false` covers a client that signed the path as sent, and the decoded
 * path covers one that signed before encoding.
 */
function listPathVariants(rawPath: string): { path: string; uriEscapePath: boolean }[] {
  const variants = [
    { path: rawPath, uriEscapePath: true },
    { path: rawPath, uriEscapePath: false },
  ]
  try {
    const decoded = decodeURIComponent(rawPath)
    if (decoded !== rawPath) variants.push({ path: decoded, uriEscapePath: true })
  } catch {
    // A malformed escape cannot have been signed in decoded form; the other variants still apply.
  }
  return variants
}

/**
 * Verifies a SigV4-signed request (Authorization header or presigned query) by re-signing it with
 * @smithy/signature-v4 using the secret known for its access key, the received SignedHeaders list and X-Amz-Date,
 * and comparing signatures in constant time. Throws SigV4Error; returns the caller and the parsed scope.
 */
export async function verifySigV4Request(
  req: ReceivedRequest,
  world: World,
  now = new Date(),
): Promise<VerifiedRequest> {
  let parts: SigV4Parts | undefined
  try {
    parts = readSigV4Parts(req.headers, req.query)
  } catch (e) {
    if (e instanceof MalformedAuthError) throw new SigV4Error('malformed', e.message)
    throw e
  }
  if (!parts) throw new SigV4Error('missing', 'Missing Authentication Token')
  const signedAt = checkClock(parts, now)

  const found = lookupAccessKey(world, parts.accessKeyId, now)
  if (found.kind === 'unknown') throw new SigV4Error('unknown-key', SIGV4_MESSAGES.INVALID_TOKEN)
  if (found.kind === 'expired') throw new SigV4Error('expired-token', SIGV4_MESSAGES.EXPIRED_TOKEN)
  // Session credentials are only valid together with their token (and a token never rescues a long-term key).
  if (
    found.sessionToken !== parts.securityToken &&
    !(found.sessionToken === undefined && parts.securityToken === undefined)
  ) {
    throw new SigV4Error('invalid-token', SIGV4_MESSAGES.INVALID_TOKEN)
  }

  const headers: Record<string, string> = {}
  for (const name of parts.signedHeaders) {
    const value = req.headers[name]
    if (value === undefined) throw new SigV4Error('signature', SIGV4_MESSAGES.SIGNATURE_MISMATCH)
    headers[name] = value
  }
  const signableHeaders = new Set(parts.signedHeaders)
  // The signer trusts a signed x-amz-content-sha256 as the payload hash (the JS SDK sends one on every request), so
  // the body itself must be checked against it, or a replayed signature would carry any body.
  const declaredHash = headers['x-amz-content-sha256']
  if (
    declaredHash !== undefined &&
    declaredHash !== 'UNSIGNED-PAYLOAD' &&
    declaredHash !== (await hashBody(req.body))
  ) {
    throw new SigV4Error('signature', SIGV4_MESSAGES.SIGNATURE_MISMATCH)
  }

  for (const variant of listPathVariants(req.rawPath)) {
    const signer = new SignatureV4({
      credentials: {
        accessKeyId: parts.accessKeyId,
        secretAccessKey: found.secretAccessKey,
        sessionToken: parts.presigned ? found.sessionToken : undefined,
      },
      region: parts.region,
      service: parts.service,
      sha256: NodeSha256,
      uriEscapePath: variant.uriEscapePath,
      applyChecksum: false,
    })
    const base = {
      method: req.method,
      protocol: 'http:',
      hostname: headers['host'] ?? '',
      path: variant.path,
      headers: { ...headers },
      body: req.body,
    }
    let signature: string | undefined
    if (parts.presigned) {
      const signed = await signer.presign(
        { ...base, query: toQueryRecord(req.query, ['X-Amz-Signature']) },
        {
          signingDate: signedAt,
          expiresIn: parts.expires ?? 900,
          signableHeaders,
          unhoistableHeaders: signableHeaders,
        },
      )
      signature = signed.query?.['X-Amz-Signature'] as string | undefined
    } else {
      const signed = await signer.sign(
        { ...base, query: toQueryRecord(req.query, []) },
        { signingDate: signedAt, signableHeaders },
      )
      signature = /Signature=([0-9a-f]+)/.exec(String(signed.headers['authorization']))?.[1]
    }
    if (signature !== undefined && equalSignatures(signature, parts.signature)) {
      return { caller: found.caller, parts }
    }
  }
  throw new SigV4Error('signature', SIGV4_MESSAGES.SIGNATURE_MISMATCH)
}
