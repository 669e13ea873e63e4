import { AwsError, createValidationError } from '../core/aws-error'

export interface Page<T> {
  items: T[]
  isTruncated: boolean
  /** Present only when truncated: pass it back as Marker for the next page. */
  marker?: string
}

/**
 * Reads MaxItems (1–1000, IAM's constraint; IAM's default page size is 100). Values outside the range get IAM's
 * ValidationError wording.
 */
export function parseMaxItems(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 100
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) return throwValidation(raw, 'Member must have value greater than or equal to 1')
  if (n > 1000) return throwValidation(raw, 'Member must have value less than or equal to 1000')
  return n
}

function throwValidation(raw: string, constraint: string): never {
  throw createValidationError('maxItems', raw, constraint)
}

/**
 * Pages through items sorted by `keyOf`. The marker is opaque to clients (IAM's are too) and encodes the last key
 * returned, so inserts between calls neither repeat nor skip items.
 */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  marker: string | undefined,
  maxItems: number,
): Page<T> {
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0))
  let start = 0
  if (marker !== undefined && marker !== '') {
    let after: string
    try {
      const decoded: unknown = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8'))
      if (
        typeof decoded !== 'object' ||
        decoded === null ||
        typeof (decoded as { after?: unknown }).after !== 'string'
      ) {
        throw new Error('bad marker')
      }
      after = (decoded as { after: string }).after
    } catch {
      throw new AwsError('InvalidInput', 400, 'Invalid Marker.')
    }
    start = sorted.findIndex((item) => keyOf(item) > after)
    if (start === -1) start = sorted.length
  }
  const page = sorted.slice(start, start + maxItems)
  const isTruncated = start + maxItems < sorted.length
  const last = page[page.length - 1]
  return {
    items: page,
    isTruncated,
    marker: isTruncated && last ? Buffer.from(JSON.stringify({ after: keyOf(last) })).toString('base64url') : undefined,
  }
}
