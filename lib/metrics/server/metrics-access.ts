import 'server-only'

import { createHash, timingSafeEqual } from 'node:crypto'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * Whether a scrape may read the metrics: only with `Authorization: Bearer <METRICS_TOKEN>` (compared in constant
 * time). `disabled` when no token is configured: route names and call counts say what people do with the console,
 * so they are not public, and the console has no separate internal port to bind them to.
 */
export function metricsAccess(authorization: string | null, token: string | undefined): 'ok' | 'denied' | 'disabled' {
  if (!token) return 'disabled'
  const match = /^Bearer (.+)$/.exec(authorization ?? '')
  if (!match) return 'denied'
  return timingSafeEqual(digest(match[1] as string), digest(token)) ? 'ok' : 'denied'
}
