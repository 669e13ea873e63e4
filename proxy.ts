import { NextResponse, type NextRequest } from 'next/server'

/**
 * Passes the requested path to server components: layouts are not given the URL, and the (console) layout needs it
 * to send a signed-out visitor to /signin?callbackUrl=<where they were going>.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers)
  headers.set('x-console-path', `${request.nextUrl.pathname}${request.nextUrl.search}`)
  return NextResponse.next({ request: { headers } })
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves, and static assets need no session.
  matcher: ['/((?!api/|_next/|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)'],
}
