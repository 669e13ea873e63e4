// Not `server-only`: proxy.ts imports this, and the proxy bundle is built without the react-server condition.

/** What the response headers depend on, read from the request (and NEXTAUTH_URL) by the proxy. */
export type SecurityHeaderInput = {
  /** A fresh random value per request: the only inline scripts that run are the ones carrying it. */
  nonce: string
  /** True when the browser reached the console over https (directly or through a TLS-terminating proxy). */
  https: boolean
  /** `next dev` evaluates code with eval() for fast refresh; a production build never does. */
  development: boolean
}

/**
 * The Content-Security-Policy of every response. Scripts run only from the console's own origin or with this request's
 * nonce ('strict-dynamic' lets those load Next's chunks); no `unsafe-inline` for scripts. Styles keep 'unsafe-inline'
 * because Radix and the table virtualiser set inline `style` attributes, which nonces cannot cover.
 * See https://nextjs.org/docs/app/guides/content-security-policy
 */
export function contentSecurityPolicy({ nonce, https, development }: SecurityHeaderInput): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ]
  return directives.join('; ')
}

/**
 * Every security header the console sends, on pages, API answers and static files alike. HSTS only over https: a
 * browser ignores it on plain http anyway (RFC 6797 §7.2), and a console reached as http://localhost must stay reachable.
 */
export function securityHeaders(
  input: SecurityHeaderInput,
): Record<string, string> & { 'Content-Security-Policy': string } {
  return {
    'Content-Security-Policy': contentSecurityPolicy(input),
    // For browsers that predate frame-ancestors: the signed-in pages must never render inside another site's frame.
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    ...(input.https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}

/**
 * True when the browser's connection is https: the request itself, a TLS-terminating proxy's `X-Forwarded-Proto`
 * (first hop), or a configured `NEXTAUTH_URL` that is https (the public URL the operator promised).
 */
export function servedOverHttps(requestProtocol: string, forwardedProto: string | null, nextAuthUrl?: string): boolean {
  if (requestProtocol === 'https:') return true
  if (forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https') return true
  return nextAuthUrl?.toLowerCase().startsWith('https://') ?? false
}

/** A nonce for one response: 16 random bytes, base64 (CSP nonces need at least 128 bits). */
export function newNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}
