import 'server-only'

import { ConsoleError } from './console-error'

/**
 * Reads a write's JSON body. An empty body is `undefined` (a DELETE without confirmation); a body without a content
 * type is refused with 415, since only JSON is accepted; a body that is not JSON throws SyntaxError (the wrapper
 * answers 400).
 */
export async function readJsonBody(req: Request): Promise<unknown> {
  const text = await req.text()
  if (text.trim() === '') return undefined
  if (req.headers.get('content-type') === null) {
    throw new ConsoleError('unsupported_media_type', 'Send the body as application/json (it had no content type).')
  }
  return JSON.parse(text)
}
