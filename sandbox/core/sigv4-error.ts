import { AwsError, type AwsProtocol } from './aws-error'

export type SigV4FailureKind =
  'missing' | 'malformed' | 'unknown-key' | 'invalid-token' | 'expired-token' | 'signature' | 'expired-signature'

/** Why a request's or a presigned URL's signature was rejected; rendered per protocol by `toAwsError`. */
export class SigV4Error extends Error {
  readonly kind: SigV4FailureKind

  constructor(kind: SigV4FailureKind, message: string) {
    super(message)
    this.name = 'SigV4Error'
    this.kind = kind
  }
}

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'
const INVALID_TOKEN = 'The security token included in the request is invalid.'
const EXPIRED_TOKEN = 'The security token included in the request is expired'

/** Default messages, as AWS words them. */
export const SIGV4_MESSAGES = { SIGNATURE_MISMATCH, INVALID_TOKEN, EXPIRED_TOKEN }

// Query services (IAM, STS) and restJson1 EKS name the same failures differently; these are the codes real clients see.
const CODES: Record<SigV4FailureKind, { query: [string, number]; restJson: [string, number] }> = {
  missing: { query: ['MissingAuthenticationToken', 403], restJson: ['MissingAuthenticationTokenException', 403] },
  malformed: { query: ['IncompleteSignature', 400], restJson: ['IncompleteSignatureException', 400] },
  'unknown-key': { query: ['InvalidClientTokenId', 403], restJson: ['UnrecognizedClientException', 403] },
  'invalid-token': { query: ['InvalidClientTokenId', 403], restJson: ['UnrecognizedClientException', 403] },
  'expired-token': { query: ['ExpiredToken', 403], restJson: ['ExpiredTokenException', 403] },
  signature: { query: ['SignatureDoesNotMatch', 403], restJson: ['InvalidSignatureException', 403] },
  'expired-signature': { query: ['SignatureDoesNotMatch', 403], restJson: ['InvalidSignatureException', 403] },
}

/** Maps a signature failure to the error code and status the given protocol's clients expect. */
export function toAwsError(error: SigV4Error, protocol: AwsProtocol): AwsError {
  const [code, status] = protocol === 'query' ? CODES[error.kind].query : CODES[error.kind].restJson
  return new AwsError(code, status, error.message)
}
