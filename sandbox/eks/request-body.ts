import { EksError, invalidParameter } from './errors'

// Reading restJson1 request bodies. The model marks members required; a missing one is an InvalidParameterException
// here (EKS's validation layer answers 400 for them) with the member name in the message.

export type JsonObject = Record<string, unknown>

/** Parses a JSON object body; an empty body is `{}` (GET/DELETE send none). */
export function parseJsonBody(body: Buffer): JsonObject {
  if (body.length === 0) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    throw new EksError('BadRequestException', 'The request body is not valid JSON.')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new EksError('BadRequestException', 'The request body must be a JSON object.')
  }
  return parsed as JsonObject
}

/** Reads a required non-empty string member. */
export function requireString(body: JsonObject, member: string): string {
  const value = body[member]
  if (value === undefined || value === null || value === '') throw invalidParameter(`${member} is required.`)
  if (typeof value !== 'string') throw invalidParameter(`${member} must be a string.`)
  return value
}

/** Reads an optional string member. */
export function readOptionalString(body: JsonObject, member: string): string | undefined {
  const value = body[member]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw invalidParameter(`${member} must be a string.`)
  return value
}

/** Reads an optional boolean member. */
export function readOptionalBoolean(body: JsonObject, member: string): boolean | undefined {
  const value = body[member]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw invalidParameter(`${member} must be a boolean.`)
  return value
}

/** Reads an optional list of strings. */
export function readOptionalStringList(body: JsonObject, member: string): string[] | undefined {
  const value = body[member]
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw invalidParameter(`${member} must be a list of strings.`)
  }
  return value as string[]
}

/** Reads an optional string→string map. */
export function readOptionalStringMap(body: JsonObject, member: string): Record<string, string> | undefined {
  const value = body[member]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw invalidParameter(`${member} must be a map of strings.`)
  }
  return { ...(value as Record<string, string>) }
}

/**
 * Validates tags against EKS's limits: ≤50 per resource, key 1–128, value ≤256, `aws:` reserved (docs/access-entries.md#limits-and-validation).
 * @param shape InvalidParameterException on create calls; BadRequestException on TagResource (its model's error)
 */
export function validateTags(
  tags: Record<string, string>,
  shape: 'InvalidParameterException' | 'BadRequestException' = 'InvalidParameterException',
): void {
  const fail = (message: string): never => {
    throw new EksError(shape, message)
  }
  if (Object.keys(tags).length > 50) fail('A resource can have at most 50 tags.')
  for (const [key, value] of Object.entries(tags)) {
    if (key.length < 1 || key.length > 128) fail(`Tag key ${key} must be 1 to 128 characters long.`)
    if (value.length > 256) fail(`Tag value for key ${key} must be at most 256 characters long.`)
    if (key.toLowerCase().startsWith('aws:')) fail(`Tag key ${key} uses the reserved prefix aws:.`)
  }
}

/** Reads and validates the optional `tags` member of a create call. */
export function readTags(body: JsonObject): Record<string, string> {
  const tags = readOptionalStringMap(body, 'tags') ?? {}
  validateTags(tags)
  return tags
}
