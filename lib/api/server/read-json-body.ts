import 'server-only'

import { ConsoleError } from '@/lib/api/console-error'

/** The largest write body the console reads: its biggest form (a trust policy, a scope of 100 namespaces) is a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024

const tooLarge = () =>
  new ConsoleError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`)

/**
 * Reads a write's JSON body, refusing more than `limit` bytes with 413: by `Content-Length` before reading, and by
 * counting while reading (a chunked body has no length), so a huge body is never buffered whole. An empty body is
 * `undefined` (a DELETE without confirmation); a body without a content type is refused with 415, since only JSON is
 * accepted; a body that is not JSON throws SyntaxError (the wrapper answers 400).
 */
export async function readJsonBody(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? NaN)
  if (declared > limit) throw tooLarge()
  if (!req.body) return undefined
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks))
  if (text.trim() === '') return undefined
  if (req.headers.get('content-type') === null) {
    throw new ConsoleError('unsupported_media_type', 'Send the body as application/json (it had no content type).')
  }
  return JSON.parse(text)
}
