// Deterministic pseudo-randomness for seeds: the same cluster name always yields the same world.

/** A 32-bit FNV-1a hash of a string, used to seed generators and derive stable IDs. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** mulberry32: tiny, fast and good enough for picking seed data. */
export function createRandom(seed: string): () => number {
  let a = hashString(seed)
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Builds a stable hex string of a given length from a key (pod-template hashes, instance IDs, UIDs). */
export function buildStableHex(key: string, length: number): string {
  // One string hash, then an xorshift stream: hashing the key again per 8 characters made 100,000 pods slow.
  let x = hashString(key) || 0x9e3779b9
  let out = ''
  while (out.length < length) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out += (x >>> 0).toString(16).padStart(8, '0')
  }
  return out.slice(0, length)
}

/** A deterministic RFC 4122-shaped UID for a seeded object. */
export function buildStableUid(key: string): string {
  const h = buildStableHex(key, 32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** The seed clock: a fixed instant so that seeds are reproducible; ages are offsets before it. */
export const SEED_NOW = Date.parse('2026-11-27T09:00:00Z')

const timeCache = new Map<number, string>()

/** An RFC 3339 timestamp `minutesAgo` before the seed clock (Kubernetes uses second precision). Memoized: seeds reuse ages. */
export function formatSeedTime(minutesAgo: number): string {
  let t = timeCache.get(minutesAgo)
  if (t === undefined) {
    t = new Date(SEED_NOW - Math.round(minutesAgo * 60_000)).toISOString().replace(/\.\d{3}Z$/, 'Z')
    if (timeCache.size < 100_000) timeCache.set(minutesAgo, t)
  }
  return t
}
