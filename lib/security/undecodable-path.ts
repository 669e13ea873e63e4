// Not `server-only`: proxy.ts imports this, and the proxy bundle is built without the react-server condition.

/**
 * True when some segment of a URL path holds a `%` escape that does not decode (`%E0%A4%A`, `%zz`): Next's own param
 * decoding throws on those and answers a plain-text 500 before any route or page runs, so the proxy refuses them first.
 */
export function hasUndecodableSegment(pathname: string): boolean {
  if (!pathname.includes('%')) return false
  for (const segment of pathname.split('/')) {
    try {
      decodeURIComponent(segment)
    } catch {
      return true
    }
  }
  return false
}
