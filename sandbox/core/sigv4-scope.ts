/** The parts of a SigV4 signature as received, from the Authorization header or the presigned-URL query. */
export interface SigV4Parts {
  presigned: boolean
  accessKeyId: string
  /** Credential scope pieces: `AKID/<date>/<region>/<service>/aws4_request`. */
  scopeDate: string
  region: string
  service: string
  signedHeaders: string[]
  signature: string
  /** `YYYYMMDDTHHMMSSZ` from X-Amz-Date (header or query). */
  amzDate: string | undefined
  /** X-Amz-Expires of a presigned URL (seconds). */
  expires: number | undefined
  securityToken: string | undefined
}

/** Thrown when an Authorization header or X-Amz-Credential cannot even be parsed. */
export class MalformedAuthError extends Error {}

function parseCredential(credential: string): Pick<SigV4Parts, 'accessKeyId' | 'scopeDate' | 'region' | 'service'> {
  const parts = credential.split('/')
  const [accessKeyId, scopeDate, region, service, terminator] = parts
  if (parts.length !== 5 || !accessKeyId || !scopeDate || !region || !service || terminator !== 'aws4_request') {
    throw new MalformedAuthError(`Credential should be scoped to a valid region. Credential=${credential}`)
  }
  return { accessKeyId, scopeDate, region, service }
}

/**
 * Reads the SigV4 pieces of a request: `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`
 * or, for presigned URLs, the `X-Amz-*` query parameters. Returns undefined when the request carries neither.
 */
export function readSigV4Parts(headers: Record<string, string>, query: URLSearchParams): SigV4Parts | undefined {
  const authorization = headers['authorization']
  if (authorization !== undefined) {
    const match = /^AWS4-HMAC-SHA256\s+(.*)$/.exec(authorization.trim())
    if (!match?.[1]) throw new MalformedAuthError('Authorization header requires AWS4-HMAC-SHA256 signature.')
    const fields = new Map<string, string>()
    for (const piece of match[1].split(',')) {
      const eq = piece.indexOf('=')
      if (eq > 0) fields.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim())
    }
    const credential = fields.get('Credential')
    const signedHeaders = fields.get('SignedHeaders')
    const signature = fields.get('Signature')
    if (!credential || !signedHeaders || !signature) {
      throw new MalformedAuthError(
        "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.",
      )
    }
    return {
      presigned: false,
      ...parseCredential(credential),
      signedHeaders: signedHeaders.split(';'),
      signature,
      amzDate: headers['x-amz-date'],
      expires: undefined,
      securityToken: headers['x-amz-security-token'],
    }
  }
  const credential = query.get('X-Amz-Credential')
  if (credential === null) return undefined
  const signature = query.get('X-Amz-Signature')
  const signedHeaders = query.get('X-Amz-SignedHeaders')
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || !signature || !signedHeaders) {
    throw new MalformedAuthError(
      'AWS query-string parameters must include X-Amz-Algorithm, X-Amz-SignedHeaders and X-Amz-Signature.',
    )
  }
  const expires = Number(query.get('X-Amz-Expires') ?? '')
  return {
    presigned: true,
    ...parseCredential(credential),
    signedHeaders: signedHeaders.split(';'),
    signature,
    amzDate: query.get('X-Amz-Date') ?? undefined,
    expires: Number.isFinite(expires) ? expires : undefined,
    securityToken: query.get('X-Amz-Security-Token') ?? undefined,
  }
}

/** Parses `20261128T101500Z`; undefined if malformed. */
export function parseAmzDate(amzDate: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate ?? '')
  if (!m) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number]
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s))
}

/** Formats a Date as `YYYYMMDDTHHMMSSZ` (the X-Amz-Date format). */
export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')
}
