import { invalidParameter } from './errors'

// EKS list operations take `maxResults` (1–100, default 100) and an opaque `nextToken` (docs/eks-wire-protocols.md#pagination). The sandbox's
// token names the last key returned, so a page boundary survives inserts and deletes between calls; it is bound to the
// operation so a token from another list is rejected like real garbage.

const DEFAULT_PAGE_SIZE = 100

interface TokenBody {
  v: 1
  op: string
  after: string
}

/** Reads `maxResults` from the query: 1–100, default 100; anything else is an InvalidParameterException. */
export function parseMaxResults(query: URLSearchParams): number {
  const raw = query.get('maxResults')
  if (raw === null) return DEFAULT_PAGE_SIZE
  const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw invalidParameter(`maxResults must be an integer between 1 and 100 (got ${raw}).`)
  }
  return value
}

/** Encodes the opaque continuation token for a list operation. */
export function encodeNextToken(op: string, after: string): string {
  const body: TokenBody = { v: 1, op, after }
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url')
}

/** Decodes a continuation token, rejecting anything this operation did not issue. */
export function decodeNextToken(op: string, token: string): string {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    throw invalidParameter('The nextToken provided is not valid.')
  }
  const body = parsed as Partial<TokenBody> | null
  if (!body || typeof body !== 'object' || body.v !== 1 || body.op !== op || typeof body.after !== 'string') {
    throw invalidParameter('The nextToken provided is not valid.')
  }
  return body.after
}

export interface Page<T> {
  items: T[]
  nextToken?: string
}

/**
 * Returns one page of `items` (already in a stable order, unique by `keyOf`) after the query's nextToken.
 * @param op operation name the token is bound to
 */
export function paginate<T>(
  op: string,
  items: readonly T[],
  keyOf: (item: T) => string,
  query: URLSearchParams,
): Page<T> {
  const maxResults = parseMaxResults(query)
  const token = query.get('nextToken')
  let start = 0
  if (token !== null && token !== '') {
    const after = decodeNextToken(op, token)
    // Items are sorted by key, so the page resumes at the first key after the last one returned, even if that one
    // was deleted meanwhile.
    const index = items.findIndex((item) => keyOf(item) > after)
    start = index === -1 ? items.length : index
  }
  const page = items.slice(start, start + maxResults)
  const last = page[page.length - 1]
  const more = start + maxResults < items.length
  return { items: page, nextToken: more && last !== undefined ? encodeNextToken(op, keyOf(last)) : undefined }
}

/** Sorts by key in code-unit order, the order {@link paginate} relies on. */
export function sortByKey<T>(items: Iterable<T>, keyOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0))
}
