// Browsers ask for /favicon.ico on their own (Chromium does when a navigation interrupts a page before it read its
// <link rel="icon">), whatever the page declares. Point them at the app icon (public/icon.svg) instead of answering
// 404, which the browser logs as a console error. A relative Location is valid (RFC 9110 §10.2.2).
export function GET(): Response {
  return new Response(null, { status: 308, headers: { Location: '/icon.svg' } })
}
