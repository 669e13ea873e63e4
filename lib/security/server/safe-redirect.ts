import 'server-only'

/**
 * next-auth's `redirect` callback: where to send the browser after sign-in or sign-out. Only the console's own origin;
 * anything else — another host, `//evil.example`, or a string no URL parser accepts (`http://localhost:3300.evil.example/`
 * has a port that is not a number, and next-auth's default callback throws on it: a 500) — goes to the inventory.
 * https://next-auth.js.org/configuration/callbacks#redirect-callback
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const fallback = `${baseUrl}/clusters`
  if (url.startsWith('/')) return url.startsWith('//') || url.startsWith('/\\') ? fallback : `${baseUrl}${url}`
  try {
    return new URL(url).origin === new URL(baseUrl).origin ? url : fallback
  } catch {
    return fallback
  }
}
