import { ApiError } from './api-error'
import { readErrorBody } from './fetch-json'

/**
 * Reads an NDJSON answer of the console's API line by line as it arrives (typed, not parsed: see fetchJson). Throws
 * {@link ApiError} for an error answer or an unreachable server, like fetchJson.
 */
export async function* fetchNdjson<T>(url: string, init: RequestInit = {}): AsyncGenerator<T> {
  let response: Response
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/x-ndjson', ...init.headers } })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, 'network_error', "Cannot reach the console's server. Check your connection and retry.")
  }
  if (!response.ok) throw await readErrorBody(response)
  if (!response.body) throw new ApiError(response.status, 'invalid_response', `Empty answer from ${url}.`)
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffered = ''
  for (;;) {
    let chunk: ReadableStreamReadResult<string>
    try {
      chunk = await reader.read()
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error
      throw new ApiError(0, 'network_error', 'The connection to the console dropped while the answer was arriving.')
    }
    if (chunk.done) break
    buffered += chunk.value
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) if (line.trim()) yield JSON.parse(line) as T
  }
  if (buffered.trim()) yield JSON.parse(buffered) as T
}
