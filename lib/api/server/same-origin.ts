import 'server-only'

/** Methods that change something: only these pass the same-origin and JSON checks (reads stay open to links). */
export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Why a write was refused before it ran: 403 for another origin, 415 for a body that is not JSON. */
export type WriteRefusal = { code: 'forbidden' | 'unsupported_media_type'; message: string }

const CROSS_ORIGIN: WriteRefusal = {
  code: 'forbidden',
  message: "Writes are accepted only from the console's own pages (the request came from another origin).",
}

/**
 * The hosts the console answers as: `NEXTAUTH_URL`'s (the public URL, which next-auth needs anyway) and the request's
 * own `X-Forwarded-Host` / `Host`. A browser cannot forge `Host` or `X-Forwarded-Host` on a cross-origin request
 * (custom headers need a CORS preflight the console never grants), so an Origin equal to one of them is same-origin.
 */
function ownHosts(headers: Headers, nextAuthUrl: string | undefined): Set<string> {
  const hosts = new Set<string>()
  if (nextAuthUrl) hosts.add(new URL(nextAuthUrl).host.toLowerCase())
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  if (forwarded) hosts.add(forwarded.toLowerCase())
  const host = headers.get('host')
  if (host) hosts.add(host.toLowerCase())
  return hosts
}

/**
 * Refuses a write that a browser sent from another origin (CSRF). With an `Origin` header, its host must be one of
 * the console's; `Origin: null` (sandboxed frames, opaque redirects) is refused. Without one, `Sec-Fetch-Site` must be
 * `same-origin` when present. A request with neither comes from a non-browser client (curl, a script): modern browsers
 * send `Origin` on every POST/PUT/PATCH/DELETE, so an attack page cannot produce such a request.
 * https://developer.mozilla.org/docs/Web/HTTP/Headers/Origin
 */
export function crossOriginRefusal(headers: Headers, nextAuthUrl: string | undefined): WriteRefusal | null {
  const origin = headers.get('origin')
  if (origin !== null) {
    let host: string
    try {
      host = new URL(origin).host.toLowerCase()
    } catch {
      return CROSS_ORIGIN
    }
    return origin !== 'null' && ownHosts(headers, nextAuthUrl).has(host) ? null : CROSS_ORIGIN
  }
  const site = headers.get('sec-fetch-site')
  return site === null || site === 'same-origin' ? null : CROSS_ORIGIN
}

/**
 * Refuses a body whose declared type is not JSON (`text/plain`, form and multipart bodies are what an attack page can
 * send without a CORS preflight). A write without a body (a DELETE with no confirmation) needs no content type.
 */
export function contentTypeRefusal(headers: Headers): WriteRefusal | null {
  const type = headers.get('content-type')
  if (type === null) return null
  const mediaType = type.split(';')[0]!.trim().toLowerCase()
  if (mediaType === 'application/json') return null
  return {
    code: 'unsupported_media_type',
    message: `Send the body as application/json (it was ${mediaType || 'empty'}).`,
  }
}
