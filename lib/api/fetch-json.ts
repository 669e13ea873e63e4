import type { z } from 'zod'

import { ApiError } from './api-error'
import { isErrorCode } from './error-codes'

/** The console's error answer as an {@link ApiError} (a generic one for a body that is not ours). */
export async function readErrorBody(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: unknown; message?: unknown; issues?: unknown; detail?: unknown }
    }
    const error = body.error
    if (error && isErrorCode(error.code) && typeof error.message === 'string') {
      const issues = Array.isArray(error.issues) ? (error.issues as ApiError['issues']) : []
      const detail =
        typeof error.detail === 'object' && error.detail !== null ? (error.detail as ApiError['detail']) : {}
      return new ApiError(response.status, error.code, error.message, issues, detail)
    }
  } catch {
    // Not our JSON (a proxy's HTML error page, say): fall through to a generic message with the status.
  }
  return new ApiError(response.status, 'invalid_response', `The console's server answered ${response.status}.`)
}

/**
 * Fetches JSON from the console's API. Throws {@link ApiError} for an error answer (with the server's code, message
 * and issues) or an unreachable server.
 *
 * Pages call it with the answer's type only (`fetchJson<AccessEntriesPage>(url, init)`): the console's own server
 * built that answer from the same DTO types, and a zod schema here would put zod (~32 kB gzip) into every page's
 * first-load JavaScript (docs/client-bundle.md). With a `schema` it also validates the body and throws
 * `invalid_response` when it does not match, for an answer the console does not produce itself.
 */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T>
export async function fetchJson<S extends z.ZodType>(url: string, init: RequestInit, schema: S): Promise<z.infer<S>>
export async function fetchJson(url: string, init: RequestInit = {}, schema?: z.ZodType): Promise<unknown> {
  let response: Response
  try {
    // Every write the console sends is JSON: the server refuses other body types (415) as a CSRF defence.
    const json: Record<string, string> = init.body != null ? { 'content-type': 'application/json' } : {}
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...json, ...init.headers } })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, 'network_error', "Cannot reach the console's server. Check your connection and retry.")
  }
  if (!response.ok) throw await readErrorBody(response)
  const body: unknown = await response.json()
  if (!schema) return body
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new ApiError(response.status, 'invalid_response', `Unexpected answer from ${url}: ${parsed.error.message}`)
  }
  return parsed.data
}
