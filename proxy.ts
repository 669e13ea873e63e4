import { NextResponse, type NextRequest } from 'next/server'

import { newNonce, securityHeaders, servedOverHttps } from '@/lib/security/security-headers'
import { hasUndecodableSegment } from '@/lib/security/undecodable-path'

function undecodablePath(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl
  // The path is still percent-encoded here, so it cannot break the log line.
  console.warn(`[proxy] 400 ${request.method} ${pathname}: a %-escape in the path does not decode`)
  const message = 'The URL holds a %-escape that does not decode; check the link.'
  if (pathname.startsWith('/api/')) {
    return NextResponse.json({ error: { code: 'bad_request', message } }, { status: 400 })
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Bad request · EKS Access Console</title></head><body><main><h1>Bad request</h1><p>${message}</p><p><a href="/clusters">Go to the clusters</a></p></main></body></html>`
  return new NextResponse(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } })
}

/**
 * Runs before every request (pages, API routes, static files): refuses undecodable paths with 400, sets the security
 * headers with a fresh CSP nonce, and passes the requested path to server components (layouts are not given the URL,
 * and the (console) layout needs it to send a signed-out visitor to /signin?callbackUrl=<where they were going>).
 * Next reads the nonce from the request's Content-Security-Policy header and puts it on its own scripts:
 * https://nextjs.org/docs/app/guides/content-security-policy
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce()
  const headers = securityHeaders({
    nonce,
    https: servedOverHttps(
      request.nextUrl.protocol,
      request.headers.get('x-forwarded-proto'),
      process.env.NEXTAUTH_URL,
    ),
    development: process.env.NODE_ENV === 'development',
  })
  const response = hasUndecodableSegment(request.nextUrl.pathname)
    ? undecodablePath(request)
    : NextResponse.next({ request: { headers: forwardedHeaders(request, nonce, headers['Content-Security-Policy']) } })
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

// The root layout reads x-nonce for the theme script; Next reads the CSP request header for its own scripts.
function forwardedHeaders(request: NextRequest, nonce: string, csp: string): Headers {
  const headers = new Headers(request.headers)
  headers.set('x-nonce', nonce)
  headers.set('x-console-path', `${request.nextUrl.pathname}${request.nextUrl.search}`)
  headers.set('content-security-policy', csp)
  return headers
}

export const config = {
  // Every path, static files included, so each response carries the security headers.
  matcher: ['/:path*'],
}
