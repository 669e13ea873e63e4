import { createHash, randomBytes, randomUUID } from 'node:crypto'

// Resource ids. Live calls use real randomness; the seed derives ids from a name so that every fresh sandbox has the
// same ARNs (tests and screenshots can rely on them).

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'

function formatUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

function toAssociationId(bytes: Buffer): string {
  // `a-` + 17 lowercase alphanumerics, like `a-8mvwvh57cu74mgcst` (docs/pod-identity.md#the-association).
  let id = 'a-'
  for (let i = 0; i < 17; i++) id += LOWER_ALNUM[(bytes[i] ?? 0) % LOWER_ALNUM.length]
  return id
}

/** A fresh random UUID (update ids, ARN suffixes of new resources). */
export function generateUuid(): string {
  return randomUUID()
}

/** A fresh Pod Identity association id. */
export function generateAssociationId(): string {
  return toAssociationId(randomBytes(17))
}

/** A UUID-shaped id derived from a seed string (same input, same id). */
export function deriveUuid(seed: string): string {
  return formatUuid(createHash('sha256').update(seed).digest('hex'))
}

/** A Pod Identity association id derived from a seed string. */
export function deriveAssociationId(seed: string): string {
  return toAssociationId(createHash('sha256').update(seed).digest())
}
