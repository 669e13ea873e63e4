import { createHash, randomBytes } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

function encodeUpperAlnum(bytes: Uint8Array, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length]
  return out
}

/**
 * A unique ID like IAM's (`AROA`/`AIDA`/`ASIA` + 17 uppercase base32 characters). Deterministic when given a seed
 * (so the seed world is identical on every start), random otherwise (resources created at runtime).
 */
export function generateIamId(prefix: 'AROA' | 'AIDA' | 'AKIA' | 'ASIA' | 'ANPA', seed?: string): string {
  const bytes = seed === undefined ? randomBytes(17) : createHash('sha256').update(`${prefix}:${seed}`).digest()
  return prefix + encodeUpperAlnum(bytes, prefix === 'AKIA' || prefix === 'ASIA' ? 16 : 17)
}

/** A random secret of 40 base64-ish characters, like an AWS secret access key. */
export function generateSecretAccessKey(): string {
  return randomBytes(30).toString('base64').slice(0, 40)
}

/** Returns an ISO-8601 timestamp at second precision, the way IAM and STS print dates. */
export function formatIsoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
