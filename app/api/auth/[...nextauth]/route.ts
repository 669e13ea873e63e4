import NextAuth from 'next-auth'
import { NextRequest } from 'next/server'

import { getAuthOptions } from '@/lib/auth/server/auth-options'
import { env } from '@/lib/env'
import { safeRedirectUrl } from '@/lib/security/server/safe-redirect'

/**
 * next-auth refuses a `callbackUrl` that does not parse as a URL (`http://localhost:3300.evil.example/`) as a server
 * misconfiguration: a 500 on POST, "misconfigured" on GET. Replace any callbackUrl, in the query or the sign-in form,
 * by the console's own URL for it (or /clusters) before next-auth sees the request. next-auth's own CSRF token still
 * guards these routes: they are not behind the console's same-origin wrapper.
 */
async function withSafeCallbackUrl(req: NextRequest): Promise<NextRequest> {
  const url = new URL(req.url)
  const base = new URL(env.nextAuthUrl ?? url.origin).origin
  const fromQuery = url.searchParams.get('callbackUrl')
  const form = req.method === 'POST' && req.headers.get('content-type')?.includes('application/x-www-form-urlencoded')
  if (fromQuery === null && !form) return req
  if (fromQuery !== null) url.searchParams.set('callbackUrl', safeRedirectUrl(fromQuery, base))
  let body: string | undefined
  if (form) {
    const fields = new URLSearchParams(await req.text())
    const fromForm = fields.get('callbackUrl')
    if (fromForm !== null) fields.set('callbackUrl', safeRedirectUrl(fromForm, base))
    body = fields.toString()
  }
  const headers = new Headers(req.headers)
  headers.delete('content-length')
  return new NextRequest(url, { method: req.method, headers, body })
}

// Options are built on the first request, not at import: `next build` must not need the runtime environment.
async function handleAuth(req: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(getAuthOptions())(await withSafeCallbackUrl(req), context)
}

export { handleAuth as GET, handleAuth as POST }
